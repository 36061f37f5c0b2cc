package io.probehost.sim.mcu.scs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.ChipBase;
import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.mcu.nrf51.Nrf51822;
import io.probehost.sim.mcu.stm32f1.Stm32f103;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a Local reset (SYSRESETREQ, nRESET) does to the halting-debug registers, on the Cortex-M0
 * (nRF51822) and the Cortex-M3 (STM32F103): C_HALT clears, so the core leaves reset running unless
 * DEMCR.VC_CORERESET catches it; C_DEBUGEN, DEMCR and DFSR keep their values (only a power-on reset
 * clears them). The sequence is a debugger's "reset run" right after a flash algorithm ended in BKPT.
 */
class LocalResetDebugTest {
    private static final int DHCSR = 0xE000_EDF0;
    private static final int DCRSR = 0xE000_EDF4;
    private static final int DCRDR = 0xE000_EDF8;
    private static final int DEMCR = 0xE000_EDFC;
    private static final int DFSR = 0xE000_ED30;
    private static final int AIRCR = 0xE000_ED0C;
    private static final int C_DEBUGEN = 1;
    private static final int C_HALT = 1 << 1;
    private static final int S_REGRDY = 1 << 16;
    private static final int S_HALT = 1 << 17;
    private static final int S_RETIRE_ST = 1 << 24;
    private static final int S_RESET_ST = 1 << 25;
    private static final int DFSR_BKPT = 2;
    private static final int DFSR_VCATCH = 8;
    private static final int DEMCR_TRCENA = 1 << 24;
    private static final int REG_R0 = 0x00;
    private static final int REG_PC = 0x0F;
    /** Offset of the reset handler in flash: adds r0, #1; b .-2 */
    private static final int LOOP = 0x100;
    /** Offset in RAM of the "flash algorithm": a lone BKPT, where it stops. */
    private static final int ALGORITHM = 0x40;

    /** The two cores, each with where its flash and RAM start. */
    enum Chip {
        NRF51822(Nrf51822.FLASH_BASE, Nrf51822.RAM_BASE) {
            @Override
            ChipBase create() {
                return Nrf51822.create(null);
            }
        },
        STM32F103(Stm32f103.FLASH_BASE, Stm32f103.SRAM_BASE) {
            @Override
            ChipBase create() {
                return Stm32f103.create(null);
            }
        };

        final int flashBase;
        final int ramBase;

        Chip(int flashBase, int ramBase) {
            this.flashBase = flashBase;
            this.ramBase = ramBase;
        }

        abstract ChipBase create();
    }

    private ChipBase mcu;
    private MemoryPort bus;
    private Chip chip;

    private void start(Chip chip) {
        this.chip = chip;
        mcu = chip.create();
        byte[] image = new byte[LOOP + 4];
        putWord(image, 0, chip.ramBase + 0x1000);
        putWord(image, 4, chip.flashBase + LOOP + 1);
        putWord(image, LOOP, 0xE7FD_3001); // adds r0, #1; b .-2
        mcu.loadFlash(chip.flashBase, image);
        mcu.writeRam(chip.ramBase + ALGORITHM, new byte[] {0x00, (byte) 0xBE}); // bkpt #0
        mcu.reset();
        bus = mcu.debugBus();
    }

    @AfterEach
    void close() {
        if (mcu != null) {
            mcu.close();
        }
    }

    private static void putWord(byte[] b, int offset, int value) {
        for (int i = 0; i < 4; i++) {
            b[offset + i] = (byte) (value >> (8 * i));
        }
    }

    private int read(int address) throws BusFault {
        return bus.read(address, AccessSize.WORD);
    }

    private void write(int address, int value) throws BusFault {
        bus.write(address, AccessSize.WORD, value);
    }

    /** Polls DHCSR as a debugger does (the core runs on its own thread); returns the last value read. */
    private int pollDhcsr(IntPredicate until) throws Exception {
        int dhcsr = read(DHCSR);
        for (int i = 0; i < 2000 && !until.test(dhcsr); i++) {
            Thread.sleep(1);
            dhcsr = read(DHCSR);
        }
        return dhcsr;
    }

    private int readCoreRegister(int regsel) throws BusFault {
        write(DCRSR, regsel);
        assertTrue((read(DHCSR) & S_REGRDY) != 0);
        return read(DCRDR);
    }

    private void writeCoreRegister(int regsel, int value) throws BusFault {
        write(DCRDR, value);
        write(DCRSR, regsel | 0x10000);
        assertTrue((read(DHCSR) & S_REGRDY) != 0);
    }

    /**
     * Halts, runs the "flash algorithm" until its BKPT, then resumes on that BKPT as a debugger's
     * "reset run" does before it writes AIRCR: the core halts again at once, C_HALT set by the entry.
     */
    private void haltAgainOnTheAlgorithmsBkpt() throws Exception {
        write(DHCSR, 0xA05F_0003);
        assertTrue((read(DHCSR) & S_HALT) != 0);
        writeCoreRegister(REG_PC, chip.ramBase + ALGORITHM);
        write(DFSR, 0x1F);
        write(DHCSR, 0xA05F_0001);
        assertTrue((pollDhcsr(d -> (d & S_HALT) != 0) & S_HALT) != 0, "the algorithm ends in BKPT");
        assertEquals(DFSR_BKPT, read(DFSR));
        write(DFSR, 0x1F);
        write(DHCSR, 0xA05F_0001);
        int dhcsr = pollDhcsr(d -> (d & S_HALT) != 0);
        assertEquals(C_HALT | S_HALT, dhcsr & (C_HALT | S_HALT), "halted again on the BKPT");
    }

    @Test
    void systemResetClearsCHaltSoTheCortexM0RunsAfterABkptHalt() throws Exception {
        systemResetClearsCHaltSoTheCoreRunsAfterABkptHalt(Chip.NRF51822);
    }

    @Test
    void systemResetClearsCHaltSoTheCortexM3RunsAfterABkptHalt() throws Exception {
        systemResetClearsCHaltSoTheCoreRunsAfterABkptHalt(Chip.STM32F103);
    }

    private void systemResetClearsCHaltSoTheCoreRunsAfterABkptHalt(Chip chip) throws Exception {
        start(chip);
        write(DEMCR, DEMCR_TRCENA);
        haltAgainOnTheAlgorithmsBkpt();

        write(AIRCR, 0x05FA_0004);

        int dhcsr = read(DHCSR);
        assertTrue((dhcsr & S_RESET_ST) != 0, "S_RESET_ST");
        assertEquals(C_DEBUGEN, dhcsr & (C_DEBUGEN | C_HALT | S_HALT), "C_DEBUGEN kept, C_HALT cleared, running");
        assertEquals(DFSR_BKPT, read(DFSR), "DFSR is reset only at power-on");
        assertEquals(DEMCR_TRCENA, read(DEMCR), "DEMCR is reset only at power-on");
        dhcsr = pollDhcsr(d -> (d & S_RETIRE_ST) != 0);
        assertTrue((dhcsr & S_RETIRE_ST) != 0, "instructions retire after the reset");
        assertEquals(0, dhcsr & S_HALT);

        write(DHCSR, 0xA05F_0003);
        assertTrue((read(DHCSR) & S_HALT) != 0);
        int pc = readCoreRegister(REG_PC);
        assertTrue(pc == chip.flashBase + LOOP || pc == chip.flashBase + LOOP + 2, "PC inside the loop: " + pc);
        assertNotEquals(0, readCoreRegister(REG_R0), "the loop counted");
    }

    @Test
    void resetVectorCatchStillHaltsTheCortexM0AfterABkptHalt() throws Exception {
        resetVectorCatchStillHaltsASystemResetAfterABkptHalt(Chip.NRF51822);
    }

    @Test
    void resetVectorCatchStillHaltsTheCortexM3AfterABkptHalt() throws Exception {
        resetVectorCatchStillHaltsASystemResetAfterABkptHalt(Chip.STM32F103);
    }

    private void resetVectorCatchStillHaltsASystemResetAfterABkptHalt(Chip chip) throws Exception {
        start(chip);
        haltAgainOnTheAlgorithmsBkpt();
        write(DEMCR, 1);

        write(AIRCR, 0x05FA_0004);

        assertTrue((read(DHCSR) & S_HALT) != 0);
        assertEquals(DFSR_VCATCH, read(DFSR) & DFSR_VCATCH);
        assertEquals(chip.flashBase + LOOP, readCoreRegister(REG_PC));
    }

    @Test
    void resetPinClearsCHaltOnTheCortexM0ButAHaltRequestedWhileHeldStands() throws Exception {
        resetPinClearsCHaltWhenAssertedButAHaltRequestedWhileHeldStopsTheCoreOnRelease(Chip.NRF51822);
    }

    @Test
    void resetPinClearsCHaltOnTheCortexM3ButAHaltRequestedWhileHeldStands() throws Exception {
        resetPinClearsCHaltWhenAssertedButAHaltRequestedWhileHeldStopsTheCoreOnRelease(Chip.STM32F103);
    }

    private void resetPinClearsCHaltWhenAssertedButAHaltRequestedWhileHeldStopsTheCoreOnRelease(Chip chip)
            throws Exception {
        start(chip);
        haltAgainOnTheAlgorithmsBkpt();

        mcu.setResetPinAsserted(true);
        assertEquals(0, read(DHCSR) & (C_HALT | S_HALT), "C_HALT clears as the reset is applied");
        mcu.setResetPinAsserted(false);
        assertEquals(0, pollDhcsr(d -> (d & S_RETIRE_ST) != 0) & S_HALT, "runs after the release");

        mcu.setResetPinAsserted(true);
        write(DHCSR, 0xA05F_0003);
        mcu.setResetPinAsserted(false);
        assertTrue((read(DHCSR) & S_HALT) != 0, "halts on release");
        assertEquals(chip.flashBase + LOOP, readCoreRegister(REG_PC));
    }
}
