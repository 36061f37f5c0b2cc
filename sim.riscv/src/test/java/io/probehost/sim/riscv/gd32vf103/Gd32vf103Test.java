package io.probehost.sim.riscv.gd32vf103;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.fpec.Fpec;
import io.probehost.sim.riscv.HaltCause;
import io.probehost.sim.riscv.Rv;
import io.probehost.sim.riscv.debug.DebugModule;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The virtual GD32VF103 through its Debug Module, as a debugger sees it, and running firmware. */
class Gd32vf103Test {
    private static final int DMACTIVE = 1;
    private static final int READ_WORD_MEMORY = 0x0220_0000;
    private static final int WRITE_WORD_MEMORY = 0x0221_0000;
    private static final int WRITE_HALFWORD_MEMORY = 0x0211_0000;
    private static final int ABSTRACTCS_CMDERR = 7 << 8;

    @TempDir
    Path stateDir;

    private static void halt(Gd32vf103 mcu) throws InterruptedException {
        mcu.write(DebugModule.DMCONTROL, 1 << 31 | DMACTIVE);
        awaitTrue(mcu::isHalted, "halted");
        mcu.write(DebugModule.DMCONTROL, DMACTIVE);
    }

    /** Waits (bounded) for a condition the hart's thread brings about. */
    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    private static int readMemory(Gd32vf103 mcu, int address) {
        mcu.write(DebugModule.DATA0 + 1, address);
        mcu.write(DebugModule.COMMAND, READ_WORD_MEMORY);
        assertEquals(0, mcu.read(DebugModule.ABSTRACTCS) & ABSTRACTCS_CMDERR, "cmderr");
        return mcu.read(DebugModule.DATA0);
    }

    private static void writeMemory(Gd32vf103 mcu, int command, int address, int value) {
        mcu.write(DebugModule.DATA0 + 1, address);
        mcu.write(DebugModule.DATA0, value);
        mcu.write(DebugModule.COMMAND, command);
        assertEquals(0, mcu.read(DebugModule.ABSTRACTCS) & ABSTRACTCS_CMDERR, "cmderr");
    }

    @Test
    void identificationRegistersAreWhereOpenOcdReadsThem() throws Exception {
        try (Gd32vf103 mcu = Gd32vf103.create(null)) {
            mcu.write(DebugModule.DMCONTROL, DMACTIVE);
            halt(mcu);
            assertEquals(0x1906_0410, readMemory(mcu, 0xE004_2000));
            assertEquals(0x0020_0080, readMemory(mcu, 0x1FFF_F7E0), "32 KiB SRAM, 128 KiB flash");
            assertEquals(0x5AA5, readMemory(mcu, 0x1FFF_F800) & 0xFFFF, "option bytes: SPC unprotected");
            assertEquals(0x80, readMemory(mcu, Fpec.BASE + Fpec.CR), "FMC locked");
        }
    }

    @Test
    void theFmcProgramsWordsAndTheFlashPersists() throws Exception {
        try (Gd32vf103 mcu = Gd32vf103.create(stateDir)) {
            mcu.write(DebugModule.DMCONTROL, DMACTIVE);
            halt(mcu);
            writeMemory(mcu, WRITE_WORD_MEMORY, Fpec.BASE + Fpec.KEYR, Fpec.KEY1);
            writeMemory(mcu, WRITE_WORD_MEMORY, Fpec.BASE + Fpec.KEYR, Fpec.KEY2);
            writeMemory(mcu, WRITE_WORD_MEMORY, Fpec.BASE + Fpec.CR, Fpec.CR_PG);
            writeMemory(mcu, WRITE_WORD_MEMORY, 0x0800_0100, 0x1234_5678);
            writeMemory(mcu, WRITE_HALFWORD_MEMORY, 0x0800_0104, 0xBEEF);
            writeMemory(mcu, WRITE_WORD_MEMORY, Fpec.BASE + Fpec.CR, Fpec.CR_LOCK);
            assertEquals(0x1234_5678, readMemory(mcu, 0x0800_0100));
            assertEquals(0xFFFF_BEEF, readMemory(mcu, 0x104), "through the boot alias");
        }
        assertTrue(Files.exists(stateDir.resolve(Gd32vf103.STATE_FILE)));
        try (Gd32vf103 mcu = Gd32vf103.create(stateDir)) {
            assertArrayEquals(new byte[] {0x78, 0x56, 0x34, 0x12, (byte) 0xEF, (byte) 0xBE},
                    mcu.readFlash(0x0800_0100, 6));
        }
    }

    @Test
    void theDbgResetRegisterResetsTheSystemOnlyAfterItsKey() throws Exception {
        try (Gd32vf103 mcu = Gd32vf103.create(null)) {
            mcu.write(DebugModule.DMCONTROL, 1 << 28 | DMACTIVE);
            halt(mcu);
            writeMemory(mcu, WRITE_WORD_MEMORY, 0xE004_2008, 1);
            assertTrue(mcu.isHalted(), "no key: no reset");
            mcu.write(DebugModule.DMCONTROL, 1 << 3 | DMACTIVE);
            writeMemory(mcu, WRITE_WORD_MEMORY, 0xE004_200C, 0x4B5A_6978);
            writeMemory(mcu, WRITE_WORD_MEMORY, 0xE004_2008, 1);
            awaitTrue(() -> mcu.haltCause() == HaltCause.RESET_HALT_REQUEST, "halted on reset");
            assertEquals(0, mcu.pc(), "reset vector: the flash alias");
            assertEquals(3 << 18, mcu.read(DebugModule.DMSTATUS) & 3 << 18, "havereset");
        }
    }

    @Test
    void theResetPinMakesTheHartUnavailableAndHaltOnResetCatchesItAtRelease() throws Exception {
        try (Gd32vf103 mcu = Gd32vf103.create(null)) {
            mcu.write(DebugModule.DMCONTROL, 1 << 28 | DMACTIVE);
            mcu.setResetPinAsserted(true);
            assertEquals(3 << 12, mcu.read(DebugModule.DMSTATUS) & (3 << 12 | 3 << 8 | 3 << 10), "unavailable only");
            mcu.write(DebugModule.DMCONTROL, 1 << 3 | DMACTIVE);
            mcu.setResetPinAsserted(false);
            assertEquals(3 << 8, mcu.read(DebugModule.DMSTATUS) & (3 << 12 | 3 << 8), "halted, available");
            assertEquals(HaltCause.RESET_HALT_REQUEST, mcu.haltCause());
            assertEquals(0, mcu.pc());
        }
    }

    @Test
    void ndmresetResetsNothingAsOnTheRealChip() throws Exception {
        try (Gd32vf103 mcu = Gd32vf103.create(null)) {
            mcu.write(DebugModule.DMCONTROL, 1 << 28 | DMACTIVE);
            halt(mcu);
            mcu.write(DebugModule.DMCONTROL, 1 << 3 | 1 << 1 | DMACTIVE);
            mcu.write(DebugModule.DMCONTROL, DMACTIVE);
            assertEquals(HaltCause.HALT_REQUEST, mcu.haltCause());
            assertEquals(0, mcu.read(DebugModule.DMSTATUS) & 3 << 18, "no havereset");
        }
    }

    private static final int T0 = 5;
    private static final int T1 = 6;
    private static final int T2 = 7;
    private static final int T3 = 28;
    private static final int T4 = 29;
    private static final int T5 = 30;
    /** mtimecmp = mtime + 1000 ticks (37 us). */
    private static final int[] ARM_TIMER = {
        Rv.lui(T0, 0xD1000),
        Rv.load(2, T1, T0, 0),                 // mtime (low word)
        Rv.addi(T1, T1, 1000),
        Rv.store(2, T1, T0, 8),                // mtimecmp low
        Rv.store(2, 0, T0, 12),                // mtimecmp high = 0
    };
    /** Interrupts on, then WFI in a loop. */
    private static final int[] SLEEP = {
        Rv.csr(6, 0, 0x300, 8),                // mstatus.MIE
        Rv.WFI,
        Rv.jal(0, -4),
    };

    private static int[] concat(int[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToInt(java.util.Arrays::stream).toArray();
    }

    @Test
    void theTimerInterruptWakesTheHartFromWfi() throws Exception {
        int[] program = concat(ARM_TIMER, new int[] {
            Rv.addi(T2, 0, 0x40),
            Rv.csr(1, 0, 0x305, T2),               // mtvec = 0x40
            Rv.addi(T2, 0, 0x80),
            Rv.csr(1, 0, 0x304, T2),               // mie = MTIE
        }, SLEEP);
        int[] handler = {
            Rv.lui(T4, 0x20000),
            Rv.addi(T5, 0, 1),
            Rv.store(2, T5, T4, 0),
            Rv.csr(1, 0, 0x304, 0),                // mie = 0
            Rv.MRET,
        };
        try (Gd32vf103 mcu = Gd32vf103.create(null)) {
            mcu.loadFlash(Gd32vf103.FLASH_BASE, image(program, handler, -1));
            mcu.reset();
            awaitTrue(() -> mcu.readRam(Gd32vf103.SRAM_BASE, 1)[0] == 1, "the handler ran");
            assertFalse(mcu.isHalted());
        }
    }

    /** {@code program} at 0, {@code handler} at 0x40, and (unless -1) an mtvt table at 0x200 whose entry 7 is the handler. */
    private static byte[] image(int[] program, int[] handler, int vectorTable) {
        ByteBuffer image = ByteBuffer.allocate(0x400).order(ByteOrder.LITTLE_ENDIAN);
        for (int word : program) {
            image.putInt(word);
        }
        image.position(0x40);
        for (int word : handler) {
            image.putInt(word);
        }
        if (vectorTable >= 0) {
            image.putInt(vectorTable + 4 * 7, 0x40);
        }
        return image.array();
    }

    @Test
    void theTimerInterruptGoesThroughTheEclicVectorTable() throws Exception {
        int[] program = concat(ARM_TIMER, new int[] {
            Rv.addi(T2, 0, 0x200),
            Rv.csr(1, 0, 0x307, T2),               // mtvt = 0x200
            Rv.addi(T2, 0, 3),
            Rv.csr(1, 0, 0x305, T2),               // mtvec: ECLIC mode
            Rv.lui(T3, 0xD2001),
            Rv.addi(T2, 0, 1),
            Rv.store(0, T2, T3, 4 * 7 + 1),        // clicintie[7]
            Rv.store(0, T2, T3, 4 * 7 + 2),        // clicintattr[7].shv
        }, SLEEP);
        int[] handler = {
            Rv.lui(T4, 0x20000),
            Rv.csr(2, T5, 0x342, 0),               // mcause
            Rv.store(2, T5, T4, 0),
            Rv.lui(T3, 0xD2001),
            Rv.store(0, 0, T3, 4 * 7 + 1),         // clicintie[7] = 0
            Rv.MRET,
        };
        try (Gd32vf103 mcu = Gd32vf103.create(null)) {
            mcu.loadFlash(Gd32vf103.FLASH_BASE, image(program, handler, 0x200));
            mcu.reset();
            awaitTrue(() -> mcu.readRam(Gd32vf103.SRAM_BASE, 1)[0] == 7, "the handler ran");
            assertArrayEquals(new byte[] {7, 0, 0, (byte) 0xB8}, mcu.readRam(Gd32vf103.SRAM_BASE, 4),
                    "mcause: interrupt, MPP 3, MPIE, id 7");
        }
    }
}
