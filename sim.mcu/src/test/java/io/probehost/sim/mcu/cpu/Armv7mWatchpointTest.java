package io.probehost.sim.mcu.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.probehost.sim.mcu.bench.CortexMTestMachine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Cortex-M3 DWT's four comparators, each in another mode: data read, write and read/write
 * address match (MASK ignoring low address bits) and PC match, halting with DFSR.DWTTRAP and
 * setting FUNCTION.MATCHED (cleared by reading it); the Cortex-M0's DWT has two.
 */
class Armv7mWatchpointTest {
    private static final int DWT = 0xE000_1000;
    private static final int DEMCR = 0xE000_EDFC;
    private static final int NOP = 0xBF00;

    @ParameterizedTest(name = "comparator {0}: FUNCTION {1}, MASK {2}, 0x{3}")
    @CsvSource({
        // comparator, function, mask, watched address, instruction, base register r1, halts
        "0, 5, 0, 20000800, 6808, 20000800, true",  // LDR r0, [r1]: read watchpoint
        "0, 5, 0, 20000800, 6008, 20000800, false", // STR to a read watchpoint
        "1, 6, 0, 20000810, 6008, 20000810, true",  // STR r0, [r1]: write watchpoint
        "1, 6, 0, 20000810, 6808, 20000810, false", // LDR from a write watchpoint
        "2, 7, 4, 20000820, 78C8, 2000082C, true",  // LDRB r0, [r1, #3] at 0x2000082F, inside 16 bytes
        "2, 7, 4, 20000820, 78C8, 2000082D, false", // 0x20000830: just past them
        "3, 4, 0, 00000402, BF00, 20000800, true",  // PC match on the second instruction
    })
    void comparatorMatchesItsKindOfAccessOnly(int n, int function, int mask, String watched, String instruction, String base,
            boolean halts) {
        M3Bench bench = new M3Bench().at(M3Bench.RESET, NOP, Integer.parseInt(instruction, 16), NOP, M3Bench.LOOP).start();
        bench.core.setDebugEnabled(true);
        bench.write(DEMCR, DebugState.DEMCR_DWTENA);
        bench.write(DWT + 0x20 + 16 * n, Integer.parseUnsignedInt(watched, 16));
        bench.write(DWT + 0x24 + 16 * n, mask);
        bench.write(DWT + 0x28 + 16 * n, function);
        bench.regs.set(1, Integer.parseUnsignedInt(base, 16));
        bench.machine.run(20);
        assertEquals(halts, bench.core.debug().halted());
        if (halts) {
            assertEquals(DebugState.DFSR_DWTTRAP, bench.core.debug().dfsr());
            assertEquals(function | 1 << 24, bench.word(DWT + 0x28 + 16 * n), "MATCHED");
            assertEquals(function, bench.word(DWT + 0x28 + 16 * n), "MATCHED clears on read");
        }
        if (function == 4) {
            assertEquals(M3Bench.RESET + 2, bench.regs.pc(), "halted before the matching instruction");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ARMV6M, 2", "ARMV7M, 4"})
    void numcompIsTheProfilesComparatorCount(Profile profile, int comparators) {
        CortexMTestMachine machine = new CortexMTestMachine(profile, 0, 0x1000, 0x1000);
        assertEquals(comparators, machine.readBus(DWT) >>> 28);
        int last = DWT + 0x28 + 16 * (comparators - 1);
        machine.writeBus(last, 5);
        assertEquals(5, machine.readBus(last));
        machine.writeBus(last + 16, 5);
        assertEquals(0, machine.readBus(last + 16), "no comparator beyond NUMCOMP");
    }
}
