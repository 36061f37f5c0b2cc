package io.probehost.firmware.riscv;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Validates QEMU first: the torture result block against values worked out here from the RISC-V
 * spec and the program's source, independently of the lab hart.
 */
class TortureOnQemuTest {
    private static final int[] EDGES = {0, 1, 2, 31, 32, 33, 0x7FFF_FFFF, 0x8000_0000, 0x8000_0001, -1, -2, 0xFFFF,
        0xFFFF_0000, 0x1234_5678, 0xDEAD_BEEF, 0x5555_5555};
    private static final int UNMAPPED = 0x0020_0000;
    /** The illegal encodings of illegal_cases in torture_asm.S, in order; "unimp" assembles to c.unimp. */
    private static final int[] ILLEGAL = {0x0400_0033, 0x0000, 0x7C00_22F3, 0xF140_1073, 0x0000_1067, 0x0000_2063,
        0x0000_3003, 0x0000_6003, 0x0000_3023, 0x0200_1013, 0x4200_5013, 0x4000_1033, 0x0000_302F, 0xF800_202F,
        0x1010_202F, 0x1020_0073, 0x0000_4073, 0x0000, 0x0004, 0x6181, 0x6101, 0x4002, 0x8002, 0x9001, 0x1002, 0x9C01,
        0x9C21, 0x8000, 0x2000, 0x6000, 0xA000, 0xE000, 0x2002, 0x6002, 0xA002, 0xE002};

    private static long unsigned(int v) {
        return v & 0xFFFF_FFFFL;
    }

    private static int high(BigInteger product) {
        return product.shiftRight(32).intValue();
    }

    /** The 18 register-register operations, in the order of binary_ops[] in torture.c. */
    private static final List<IntBinaryOperator> OPERATIONS = List.of(
            Integer::sum, (a, b) -> a - b, (a, b) -> a << (b & 31), (a, b) -> (int) (unsigned(a) >> (b & 31)),
            (a, b) -> a >> (b & 31), (a, b) -> a < b ? 1 : 0, (a, b) -> unsigned(a) < unsigned(b) ? 1 : 0,
            (a, b) -> a ^ b, (a, b) -> a | b, (a, b) -> a & b, (a, b) -> a * b,
            (a, b) -> high(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))),
            (a, b) -> high(BigInteger.valueOf(a).multiply(BigInteger.valueOf(unsigned(b)))),
            (a, b) -> high(BigInteger.valueOf(unsigned(a)).multiply(BigInteger.valueOf(unsigned(b)))),
            (a, b) -> b == 0 ? -1 : BigInteger.valueOf(a).divide(BigInteger.valueOf(b)).intValue(),
            (a, b) -> b == 0 ? -1 : (int) (unsigned(a) / unsigned(b)),
            (a, b) -> b == 0 ? a : BigInteger.valueOf(a).remainder(BigInteger.valueOf(b)).intValue(),
            (a, b) -> b == 0 ? a : (int) (unsigned(a) % unsigned(b)));

    private static final class Prng {
        int state = 0x2545_F491;

        int next() {
            int x = state;
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            return state = x;
        }
    }

    private static int fold(int... values) {
        int hash = 0x811C_9DC5;
        for (int v : values) {
            hash = (hash ^ v) * 0x0100_0193;
        }
        return hash;
    }

    @Test
    void registerOperationFoldsMatchTheSpecDefinitions() {
        ResultBlock block = QemuRuns.resultOf(Program.TORTURE);
        Prng prng = new Prng();
        List<Runnable> checks = new ArrayList<>();
        for (int op = 0; op < OPERATIONS.size(); op++) {
            List<Integer> results = new ArrayList<>();
            for (int a : EDGES) {
                for (int b : EDGES) {
                    results.add(OPERATIONS.get(op).applyAsInt(a, b));
                }
            }
            for (int k = 0; k < 64; k++) {
                int a = prng.next();
                results.add(OPERATIONS.get(op).applyAsInt(a, prng.next()));
            }
            int expected = fold(results.stream().mapToInt(Integer::intValue).toArray());
            int index = op;
            checks.add(() -> assertEquals(expected, block.value(index), "value " + index));
        }
        assertAll(checks.stream().map(c -> c::run));
    }

    @Test
    void csrValuesAreTheWarlResultsOfAnMModeOnlyHart() {
        ResultBlock block = QemuRuns.resultOf(Program.TORTURE);
        assertEquals(ResultBlock.STATUS_DONE, block.status());
        assertEquals(48, block.valueCount());
        assertEquals(fold(0x1234_5678, 0x1234_FF78, 0x0034_FF78, 21, 31, 30), block.value(27), "Zicsr forms on mscratch");
        int[] expected = {0xFFFF_FFFE, 0xFFFF_FFFF, 0xA5A5_A5A5, 0x888, 0, 0x4000_1105, 0x4000_1105, 0x1888, 0x1800, 0, 3, 0x88};
        int[] actual = new int[expected.length];
        for (int i = 0; i < expected.length; i++) {
            actual[i] = block.value(29 + i);
        }
        assertArrayEquals(expected, actual, "values 29-40: mepc, mcause, mtval, mie, mip, misa x2, mstatus x2, mhartid, counters, MRET");
    }

    @Test
    void trapRecordsHaveTheSpecCausesAddressesAndEncodings() {
        ResultBlock block = QemuRuns.resultOf(Program.TORTURE);
        assertEquals(46, block.trapCount());
        assertEquals(46, block.value(43));
        assertEquals(46, block.value(46), "misaligned loads and stores do not trap on QEMU virt");
        List<int[]> expected = new ArrayList<>();
        expected.add(new int[] {11, 0});
        expected.add(new int[] {3, 0});
        expected.add(new int[] {3, 0});
        for (int encoding : ILLEGAL) {
            expected.add(new int[] {2, encoding});
        }
        expected.add(new int[] {1, UNMAPPED});
        expected.add(new int[] {5, UNMAPPED});
        expected.add(new int[] {7, UNMAPPED + 4});
        expected.add(new int[] {5, UNMAPPED + 3});
        expected.add(new int[] {7, UNMAPPED + 6});
        expected.add(new int[] {5, UNMAPPED});
        expected.add(new int[] {4, 0xD000_0000 | 0}); // mtval checked separately: in RAM
        for (int i = 0; i < expected.size(); i++) {
            int[] record = block.trap(i);
            assertEquals(expected.get(i)[0], record[0], "trap " + i + " mcause");
            if (i < expected.size() - 1) {
                assertEquals(expected.get(i)[1], record[2], "trap " + i + " mtval");
            } else {
                assertEquals(0xD000_0002, record[2] & 0xF000_0003, "misaligned LR.W: RAM address, 2 mod 4");
            }
            assertEquals(0x1800, record[3], "trap " + i + " mstatus: MPP = M, MPIE = MIE = 0");
        }
        for (int i = 0; i < ILLEGAL.length - 1; i++) {
            int length = (ILLEGAL[i] & 3) == 3 ? 4 : 2;
            assertEquals(block.trap(3 + i)[1] + length, block.trap(4 + i)[1], "illegal " + i + " is followed by the next");
        }
        assertEquals(UNMAPPED, block.trap(3 + ILLEGAL.length)[1], "fetch fault: mepc is the target");
    }

    @Test
    void misalignedAccessesActAsByteSequencesOnQemuVirt() {
        ResultBlock block = QemuRuns.resultOf(Program.TORTURE);
        int before = 0x1122_3344 + 0x5566_7788 + 0x99AA_BBCC + 0xDDEE_FF00;
        assertEquals(before, block.value(44));
        assertEquals(fold(0x8811_2233, 0xFFFF_8811, 0xCC55, 0x1122_3344, 0xB2C3_D488, 0xF6AA_BBA1, 0xDDEE_FFE5),
                block.value(45));
    }

    @Test
    void prngStateShowsEveryDrawHappened() {
        Prng prng = new Prng();
        for (int i = 0; i < 18 * 128 + 100 + 2; i++) {
            prng.next();
        }
        assertEquals(prng.state, QemuRuns.resultOf(Program.TORTURE).value(47));
    }
}
