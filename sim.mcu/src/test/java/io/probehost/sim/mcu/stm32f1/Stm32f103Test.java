package io.probehost.sim.mcu.stm32f1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.mcu.RunOutcome;
import io.probehost.sim.mcu.cpu.CoreRegister;
import io.probehost.sim.mcu.fpec.Fpec;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The STM32F103RB's memory map, identification, RCC, read-out protection and persistence as a debugger sees them. */
class Stm32f103Test {
    private static final int RCC_CR = 0x4002_1000;
    private static final int RCC_CFGR = 0x4002_1004;
    private Stm32f103 mcu;
    private MemoryPort debug;

    @BeforeEach
    void create() {
        mcu = Stm32f103.create(null);
        debug = mcu.debugBus();
        mcu.halt();
    }

    @AfterEach
    void close() {
        mcu.close();
    }

    private void protect() {
        mcu.loadFlash(Stm32f103.OPTION_BYTES_BASE, new byte[] {0, (byte) 0xFF});
        mcu.reset();
    }

    @Test
    void dbgmcuIdcodeNamesTheMediumDensityDevice() throws BusFault {
        assertEquals(0x410, debug.read(0xE004_2000, AccessSize.WORD) & 0xFFF);
        assertEquals(0x2000, debug.read(0xE004_2000, AccessSize.WORD) >>> 16);
    }

    @Test
    void coreReadsDbgmcuAsZeroAsTheErratumSays() throws Exception {
        // ldr r1, [pc, #4]; ldr r0, [r1]; bkpt #0; (pad); .word 0xE0042000
        byte[] image = {0x00, 0x50, 0x00, 0x20, 0x09, 0x00, 0x00, 0x08,
            0x01, 0x49, 0x08, 0x68, 0x00, (byte) 0xBE, 0x00, 0x00, 0x00, 0x20, 0x04, (byte) 0xE0};
        mcu.loadFlash(Stm32f103.FLASH_BASE, image);
        mcu.resetAndHalt();
        mcu.writeCoreRegister(CoreRegister.R0, 0x1234);
        assertEquals(RunOutcome.HALTED, mcu.runUntilHalted(1_000));
        assertEquals(0, mcu.readCoreRegister(CoreRegister.R0));
        assertEquals(Stm32f103.DBGMCU_IDCODE, debug.read(0xE004_2000, AccessSize.WORD));
    }

    @Test
    void wordBitBandAccessesReachWordOnlyPeripheralRegistersAndSram() throws BusFault {
        int gpioaOdrBit5 = 0x4200_0000 + 0x1_080C * 32 + 5 * 4;
        debug.write(gpioaOdrBit5, AccessSize.WORD, 1);
        assertEquals(0x20, debug.read(0x4001_080C, AccessSize.WORD));
        assertEquals(1, debug.read(gpioaOdrBit5, AccessSize.WORD));
        debug.write(gpioaOdrBit5, AccessSize.WORD, 0);
        assertEquals(0, debug.read(0x4001_080C, AccessSize.WORD));

        int sramByte1Bit1 = 0x2200_0000 + 0x100 * 32 + (8 + 1) * 4;
        debug.write(0x2000_0100, AccessSize.WORD, 0);
        debug.write(sramByte1Bit1, AccessSize.WORD, 1);
        assertEquals(0x200, debug.read(0x2000_0100, AccessSize.WORD));
    }

    @Test
    void dbgmcuControlKeepsItsValueOverASystemReset() throws BusFault {
        debug.write(0xE004_2004, AccessSize.WORD, 0x307);
        mcu.reset();
        assertEquals(0x307, debug.read(0xE004_2004, AccessSize.WORD));
    }

    @Test
    void flashSizeReadsAsHalfWordAndAsTheDocumentedWord() throws BusFault {
        assertEquals(0x80, debug.read(0x1FFF_F7E0, AccessSize.HALFWORD));
        assertEquals(0xFFFF_0080, debug.read(0x1FFF_F7E0, AccessSize.WORD));
    }

    @Test
    void bootAliasAtZeroShowsMainFlash() throws BusFault {
        mcu.loadFlash(Stm32f103.FLASH_BASE + 0x10, new byte[] {0x78, 0x56, 0x34, 0x12});
        assertEquals(0x1234_5678, debug.read(0x10, AccessSize.WORD));
        assertEquals(0x1234_5678, debug.read(Stm32f103.FLASH_BASE + 0x10, AccessSize.WORD));
    }

    @Test
    void sramEndsAfterTwentyKibibytes() throws BusFault {
        debug.write(Stm32f103.SRAM_BASE + 0x4FFC, AccessSize.WORD, 0xCAFE_F00D);
        assertEquals(0xCAFE_F00D, debug.read(Stm32f103.SRAM_BASE + 0x4FFC, AccessSize.WORD));
        assertThrows(BusFault.class, () -> debug.read(Stm32f103.SRAM_BASE + 0x5000, AccessSize.WORD));
    }

    @Test
    void rccAcknowledgesOscillatorsAndClockSwitch() throws BusFault {
        assertEquals(0x83, debug.read(RCC_CR, AccessSize.WORD));
        debug.write(RCC_CR, AccessSize.WORD, 0x0101_0081);
        assertEquals(0x0303_0083, debug.read(RCC_CR, AccessSize.WORD) & 0x0303_0083);
        debug.write(RCC_CFGR, AccessSize.WORD, 0x001D_0402);
        assertEquals(0x8, debug.read(RCC_CFGR, AccessSize.WORD) & 0xC);
        mcu.reset();
        assertEquals(0x83, debug.read(RCC_CR, AccessSize.WORD));
    }

    @Test
    void readOutProtectionFaultsDebugReadsOfFlashButNotOfSram() throws BusFault {
        mcu.loadFlash(Stm32f103.FLASH_BASE, new byte[] {1, 2, 3, 4});
        protect();
        assertTrue(mcu.readProtected());
        assertThrows(BusFault.class, () -> debug.read(Stm32f103.FLASH_BASE, AccessSize.WORD));
        assertThrows(BusFault.class, () -> debug.read(0, AccessSize.WORD));
        debug.write(Stm32f103.SRAM_BASE, AccessSize.WORD, 5);
        assertEquals(5, debug.read(Stm32f103.SRAM_BASE, AccessSize.WORD));
        assertEquals(Fpec.OBR_RDPRT, debug.read(Fpec.BASE + Fpec.OBR, AccessSize.WORD) & Fpec.OBR_RDPRT);
    }

    @Test
    void unlockSequenceThroughTheDebugPortRemovesProtectionAndErasesFlash() throws BusFault {
        mcu.loadFlash(Stm32f103.FLASH_BASE + 0x8000, new byte[] {1, 2, 3, 4});
        protect();
        for (int register : new int[] {Fpec.KEYR, Fpec.OPTKEYR}) {
            debug.write(Fpec.BASE + register, AccessSize.WORD, Fpec.KEY1);
            debug.write(Fpec.BASE + register, AccessSize.WORD, Fpec.KEY2);
        }
        debug.write(Fpec.BASE + Fpec.CR, AccessSize.WORD, 0x220);
        debug.write(Fpec.BASE + Fpec.CR, AccessSize.WORD, 0x260);
        while ((debug.read(Fpec.BASE + Fpec.SR, AccessSize.WORD) & Fpec.SR_BSY) != 0) {
            mcu.clock().elapse(1_000_000);
        }
        debug.write(Fpec.BASE + Fpec.CR, AccessSize.WORD, 0x210);
        debug.write(Stm32f103.OPTION_BYTES_BASE, AccessSize.HALFWORD, 0x00A5);
        while ((debug.read(Fpec.BASE + Fpec.SR, AccessSize.WORD) & Fpec.SR_BSY) != 0) {
            mcu.clock().elapse(1_000_000);
        }
        debug.write(Fpec.BASE + Fpec.CR, AccessSize.WORD, Fpec.CR_LOCK);
        mcu.reset();
        assertFalse(mcu.readProtected());
        assertEquals(-1, debug.read(Stm32f103.FLASH_BASE + 0x8000, AccessSize.WORD));
        assertEquals(0x5AA5, debug.read(Stm32f103.OPTION_BYTES_BASE, AccessSize.HALFWORD));
    }

    @Test
    void firmwareInFlashBootsThroughTheAliasAndRuns() throws Exception {
        // Vector table: SP = end of SRAM, reset handler at 0x08000009; code: movs r0, #42; bkpt #0.
        byte[] image = {0x00, 0x50, 0x00, 0x20, 0x09, 0x00, 0x00, 0x08, 0x2A, 0x20, 0x00, (byte) 0xBE};
        mcu.loadFlash(Stm32f103.FLASH_BASE, image);
        mcu.resetAndHalt();
        assertEquals(0x0800_0008, mcu.readCoreRegister(CoreRegister.PC));
        assertEquals(RunOutcome.HALTED, mcu.runUntilHalted(1_000));
        assertEquals(42, mcu.readCoreRegister(CoreRegister.R0));
    }

    @Test
    void flashAndOptionBytesPersistInTheStateFolder(@TempDir Path dir) {
        mcu.close();
        mcu = Stm32f103.create(dir);
        mcu.loadFlash(Stm32f103.FLASH_BASE + 0x400, new byte[] {9, 8});
        mcu.loadFlash(Stm32f103.OPTION_BYTES_BASE, new byte[] {0, (byte) 0xFF});
        mcu.close();
        assertTrue(dir.resolve(Stm32f103.STATE_FILE).toFile().isFile());
        mcu = Stm32f103.create(dir);
        assertArrayEquals(new byte[] {9, 8}, mcu.readFlash(Stm32f103.FLASH_BASE + 0x400, 2));
        assertTrue(mcu.readProtected());
        mcu.resetState();
        assertFalse(mcu.readProtected());
        assertFalse(dir.resolve(Stm32f103.STATE_FILE).toFile().exists());
    }
}
