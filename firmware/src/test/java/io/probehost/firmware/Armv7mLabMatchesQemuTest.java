package io.probehost.firmware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.bench.CortexMTestMachine;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * QEMU's stm32vldiscovery (Cortex-M3) judges the lab core's ARMv7-M profile: every program must
 * leave all of SRAM (data, bss, stack and the result block) equal word for word.
 */
class Armv7mLabMatchesQemuTest {
    private static final long SLICE_CYCLES = 1_000_000;
    private static final long MAX_CYCLES = 300_000_000;
    private static final int MAX_REPORTED = 40;
    /** Value indices of thumb2.c whose results Java knows without running anything. */
    private static final int TABLES = 13;
    private static final int COMPARE_BRANCH = 14;
    private static final int EXCLUSIVES = 15;
    private static final int BIT_BAND = 25;
    private static final Map<Armv7mProgram, int[]> QEMU_SRAM = new EnumMap<>(Armv7mProgram.class);

    private static synchronized int[] qemuSram(Armv7mProgram program) throws Exception {
        if (!QEMU_SRAM.containsKey(program)) {
            QEMU_SRAM.put(program, program.runOnQemu());
        }
        return QEMU_SRAM.get(program);
    }

    /** QEMU's SRAM after {@code program}, which must have finished with DONE. */
    private static int[] finishedOnQemu(Armv7mProgram program) throws Exception {
        int[] sram = qemuSram(program);
        ResultBlock block = Armv7mProgram.blockOf(sram);
        assertEquals(ResultBlock.STATUS_DONE, block.status(), "QEMU run:" + block);
        assertEquals(program.id(), block.program());
        return sram;
    }

    @Test
    void qemuGivesTheValuesJavaExpectsWhenThumb2ProgramRuns() throws Exception {
        ResultBlock block = Armv7mProgram.blockOf(finishedOnQemu(Armv7mProgram.THUMB2));
        int tables = 0;
        for (int i = 0; i < 5; i++) {
            tables = tables * 131 + (i < 4 ? 100 + 7 * i : 0) * 3 + (i < 3 ? 100 + 7 * i : 0);
        }
        assertEquals(tables, block.value(TABLES), "TBB/TBH");
        assertEquals(0x12, block.value(COMPARE_BRANCH), "CBZ/CBNZ");
        assertArrayEquals(new int[] {0, 1, 1, 0, 0, 0},
                Arrays.copyOfRange(block.values(), EXCLUSIVES, EXCLUSIVES + 6), "STREX statuses");
        int banded = 0x1234_5671; // 0x12345678 with bit 0 set, bits 3 and 31 cleared through the alias
        assertEquals(banded ^ (1 << 17) ^ Integer.reverse(banded), block.value(BIT_BAND), "bit-band writes and reads");
    }

    /**
     * The fault records of v7faults.c as the ARMv7-M rules give them: case, IPSR, CFSR, HFSR,
     * BFAR. UDF with UsageFault disabled and a BusFault while disabled escalate (HFSR.FORCED);
     * with SHCSR's enables they are taken as themselves; BASEPRI at UsageFault's priority
     * escalates too; unprivileged code reading the SCS gets a precise BusFault; BX to an even
     * address faults (INVSTATE) at the target. CFSR: UNDEFINSTR bit 16, UNALIGNED 24, DIVBYZERO 25, PRECISERR|BFARVALID 0x8200.
     */
    @Test
    void qemuTakesAndEscalatesConfigurableFaultsAsArmv7mSpecifies() throws Exception {
        int[] sram = finishedOnQemu(Armv7mProgram.FAULTS);
        ResultBlock block = Armv7mProgram.blockOf(sram);
        int forced = 1 << 30;
        int[][] expected = {
            {1, 3, 1 << 16, forced, 0},
            {2, 6, 1 << 16, 0, 0},
            {3, 6, 1 << 25, 0, 0},
            {4, 6, 1 << 24, 0, 0},
            {4, 6, 1 << 24, 0, 0},
            {5, 5, 0x8200, 0, 0x3000_0000},
            {6, 3, 0x8200, forced, 0x3000_0004},
            {7, 3, 1 << 16, forced, 0},
            {8, 5, 0x8200, 0, 0xE000_ED14},
            {9, 6, 1 << 17, 0, 0},
        };
        int[] values = block.values();
        int count = values[values.length - 3];
        int records = (values[values.length - 2] - Armv7mProgram.SRAM_BASE) / 4;
        assertEquals(expected.length, count, "fault records");
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], Arrays.copyOfRange(sram, records + 8 * i, records + 8 * i + 5), "record " + i);
        }
        assertEquals(0, sram[records + 8 * (expected.length - 1) + 6] & (1 << 24), "INVSTATE stacks xPSR with T = 0");
        // udiv by 0 without the trap, unaligned LDR, IRQ logs, masks and PRIGROUP: see v7faults.c
        assertArrayEquals(new int[] {0, 0x4736_2514, 0, 0x80, 0x60, 1, 1, 1, 0x11, 1, 0, 0x500, 0x24, 0x243},
                Arrays.copyOfRange(values, 0, 14));
        // VTOR in SRAM (SVC count, readback), STIR pending IRQ 40 in bank 1, STREX after an SVC
        assertArrayEquals(new int[] {1, 0, 1 << 8, 21, 1, 2}, Arrays.copyOfRange(values, 14, 20));
        // unprivileged: CONTROL reads nPRIV; MSR BASEPRI and CPSID i were ignored; SVC made it privileged again
        assertArrayEquals(new int[] {1, 0, 0, 0}, Arrays.copyOfRange(values, 20, 24));
    }

    /**
     * The exception records of excret.c (case, IPSR, EXC_RETURN, frame, CFSR, HFSR, stacked PC,
     * stacked xPSR) as the ARMv7-M exception model gives them: pending exceptions run most urgent
     * first on one frame; a bad EXC_RETURN and a return to Thread past an active SVC raise INVPC
     * with LR keeping the EXC_RETURN; with NONBASETHRDENA the popped IPSR contradicts Thread mode
     * (INVPC again); a PSP in unmapped memory gives STKERR, then UNSTKERR on the same frame; SP 4
     * modulo 8 is realigned (xPSR bit 9) only while CCR.STKALIGN is set; a vector read bus error
     * is a HardFault with HFSR.VECTTBL and FORCED, the interrupt staying pending; MRC is NOCP; a
     * return onto the bad frame with PendSV pending tail-chains (no UNSTKERR until PendSV returns);
     * ICSR.RETTOBASE is clear only in the handlers running over another active one.
     */
    @Test
    void qemuRecordsTailChainsReturnChecksAndStackErrorsAsArmv7mSpecifies() throws Exception {
        int[] sram = finishedOnQemu(Armv7mProgram.EXCRET);
        ResultBlock block = Armv7mProgram.blockOf(sram);
        int invpc = 1 << 18;
        int thread = 0xFFFF_FFF9;
        int handler = 0xFFFF_FFF1;
        int[][] expected = {
            {1, 16 + 21, thread, 0, 0}, {1, 16 + 20, thread, 0, 0}, {1, 16 + 22, thread, 0, 0}, {1, 14, thread, 0, 0},
            {2, 11, thread, 0, 0}, {2, 6, 0xFFFF_FFF5, invpc, 0},
            {3, 11, thread, 0, 0}, {3, 16 + 23, handler, 0, 0}, {3, 6, thread, invpc, 0},
            {4, 11, thread, 0, 0}, {4, 16 + 23, handler, 0, 0}, {4, 6, thread, invpc, 0},
            {5, 5, 0xFFFF_FFFD, 1 << 12, 0}, {5, 5, 0xFFFF_FFFD, 1 << 11, 0},
            {6, 11, thread, 0, 0}, {6, 11, thread, 0, 0},
            {7, 3, thread, 0, 1 << 30 | 1 << 1},
            {8, 6, thread, 1 << 19, 0},
            {9, 5, 0xFFFF_FFFD, 1 << 12, 0}, {9, 14, 0xFFFF_FFFD, 0, 0}, {9, 5, 0xFFFF_FFFD, 1 << 11, 0},
        };
        int[] values = block.values();
        assertArrayEquals(new int[] {4, 6, 9, 12, 14, 0, 0x200, 16, 17, 7 << 16, 18, 21}, Arrays.copyOfRange(values, 0, 12),
                "record counts, CONTROL, CCR, SHCSR");
        int rettobase = 0;
        for (int i = 0; i < expected.length; i++) {
            boolean nested = i == 7 || i == 8 || i == 10 || i == 11; // IRQ 23 over the SVC, the UsageFault after it
            rettobase = rettobase << 1 | (nested ? 0 : 1);
        }
        assertEquals(rettobase, values[12], "ICSR.RETTOBASE in every handler");
        int records = (values[14] - Armv7mProgram.SRAM_BASE) / 4;
        int[][] seen = new int[expected.length][];
        for (int i = 0; i < expected.length; i++) {
            int[] record = Arrays.copyOfRange(sram, records + 8 * i, records + 8 * i + 8);
            seen[i] = record;
            assertArrayEquals(expected[i], new int[] {record[0], record[1], record[2], record[4], record[5]}, "record " + i);
        }
        for (int i = 1; i < 4; i++) {
            assertEquals(seen[0][3], seen[i][3], "tail-chained handlers share the frame of record 0");
            assertEquals(seen[0][6], seen[i][6], "and its return address");
        }
        assertEquals(0x3000_00E0, seen[12][3], "STKERR: PSP moved to the frame it could not write");
        assertEquals(seen[12][3], seen[13][3], "UNSTKERR on the same frame");
        assertEquals(0, seen[14][3] & 7, "STKALIGN: 8-byte aligned frame");
        assertEquals(1 << 9, seen[14][7] & (1 << 9), "STKALIGN: padding recorded in xPSR bit 9");
        assertEquals(seen[14][3] + 4, seen[15][3], "no STKALIGN: the frame sits right below the 4-aligned SP");
        assertEquals(0, seen[15][7] & (1 << 9));
    }

    @ParameterizedTest
    @EnumSource(Armv7mProgram.class)
    void labSramEqualsQemuWordForWordWhenProgramRunsOnCortexM3(Armv7mProgram program) throws Exception {
        assertLabMatchesQemu(program, CortexMTestMachine.stm32f100(), false);
    }

    /**
     * The same in batches of steps, as the lab's boards run: quiet runs, and straight-line code
     * compiled into blocks the first time it is reached (see sim.mcu/README.md "Speed").
     */
    @ParameterizedTest
    @EnumSource(Armv7mProgram.class)
    void labSramEqualsQemuWordForWordInBatchesWithEveryBlockCompiled(Armv7mProgram program) throws Exception {
        CortexMTestMachine machine = CortexMTestMachine.stm32f100();
        machine.core().compileBlocksAfter(1);
        assertLabMatchesQemu(program, machine, true);
    }

    private static void assertLabMatchesQemu(Armv7mProgram program, CortexMTestMachine machine, boolean inBatches) throws Exception {
        int[] qemu = qemuSram(program);
        assertEquals(ResultBlock.STATUS_DONE, Armv7mProgram.blockOf(qemu).status(), "QEMU itself did not finish " + program);
        machine.load(Files.readAllBytes(program.bin()));
        long spent = 0;
        while (!ResultBlock.isFinished(machine.readWord(Armv7mProgram.RESULT_BASE)) && spent < MAX_CYCLES) {
            spent += SLICE_CYCLES;
            if (inBatches) {
                if (machine.core().run((int) SLICE_CYCLES) < SLICE_CYCLES) {
                    break; // halted or locked up
                }
            } else {
                machine.run(SLICE_CYCLES);
            }
        }
        int[] lab = machine.readWords(Armv7mProgram.SRAM_BASE, qemu.length);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < qemu.length; i++) {
            if (qemu[i] != lab[i]) {
                differences.add(String.format("0x%08X: QEMU 0x%08X, lab 0x%08X", Armv7mProgram.SRAM_BASE + 4 * i, qemu[i], lab[i]));
            }
        }
        assertTrue(differences.isEmpty(), program + ": " + differences.size() + " words differ (lab PC 0x"
                + Integer.toHexString(machine.core().registers().pc()) + ", cycles " + machine.core().cycles() + "), first ones:\n  "
                + String.join("\n  ", differences.subList(0, Math.min(differences.size(), MAX_REPORTED))));
    }
}
