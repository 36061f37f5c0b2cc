package io.probehost.sim.riscv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** M: products against BigInteger, divisions against the spec's table 7.1 corner cases. */
class MulDivTest {
    private static final BigInteger TWO_TO_32 = BigInteger.ONE.shiftLeft(32);

    private static BigInteger signed(int v) {
        return BigInteger.valueOf(v);
    }

    private static BigInteger unsigned(int v) {
        return BigInteger.valueOf(v & 0xFFFF_FFFFL);
    }

    private static int high(BigInteger product) {
        return product.shiftRight(32).intValue();
    }

    private static int run(int funct3, int a, int b) {
        return TestHart.runBinary(Rv.op(1, funct3, 3, 1, 2), a, b);
    }

    @Test
    void productsMatchExactArithmeticOnAllEdgePairs() {
        for (int a : IntegerInstructionTest.EDGES) {
            for (int b : IntegerInstructionTest.EDGES) {
                String pair = String.format("0x%08X * 0x%08X", a, b);
                assertEquals(signed(a).multiply(signed(b)).intValue(), run(0, a, b), "mul " + pair);
                assertEquals(high(signed(a).multiply(signed(b))), run(1, a, b), "mulh " + pair);
                assertEquals(high(signed(a).multiply(unsigned(b))), run(2, a, b), "mulhsu " + pair);
                assertEquals(high(unsigned(a).multiply(unsigned(b))), run(3, a, b), "mulhu " + pair);
            }
        }
    }

    @Test
    void divisionsTruncateTowardZeroOnNonZeroDivisors() {
        for (int a : IntegerInstructionTest.EDGES) {
            for (int b : IntegerInstructionTest.EDGES) {
                if (b == 0 || (a == Integer.MIN_VALUE && b == -1)) {
                    continue;
                }
                BigInteger[] signedQr = signed(a).divideAndRemainder(signed(b));
                BigInteger[] unsignedQr = unsigned(a).divideAndRemainder(unsigned(b));
                String pair = String.format("0x%08X / 0x%08X", a, b);
                assertEquals(signedQr[0].intValue(), run(4, a, b), "div " + pair);
                assertEquals(unsignedQr[0].mod(TWO_TO_32).intValue(), run(5, a, b), "divu " + pair);
                assertEquals(signedQr[1].intValue(), run(6, a, b), "rem " + pair);
                assertEquals(unsignedQr[1].intValue(), run(7, a, b), "remu " + pair);
            }
        }
    }

    @Test
    void divisionByZeroGivesAllOnesAndTheDividendAsRemainder() {
        for (int a : IntegerInstructionTest.EDGES) {
            assertEquals(-1, run(4, a, 0));
            assertEquals(-1, run(5, a, 0));
            assertEquals(a, run(6, a, 0));
            assertEquals(a, run(7, a, 0));
        }
    }

    @Test
    void signedOverflowGivesTheDividendAndZeroRemainder() {
        assertEquals(Integer.MIN_VALUE, run(4, Integer.MIN_VALUE, -1));
        assertEquals(0, run(6, Integer.MIN_VALUE, -1));
        assertEquals(0, run(5, Integer.MIN_VALUE, -1));
        assertEquals(Integer.MIN_VALUE, run(7, Integer.MIN_VALUE, -1));
    }
}
