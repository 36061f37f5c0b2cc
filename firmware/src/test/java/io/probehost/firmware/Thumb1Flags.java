package io.probehost.firmware;

/**
 * ARMv6-M flag semantics written from the architecture manual, independent of any emulator:
 * results and the APSR value (NZCV in bits 31..28) that MRS APSR reads in thread mode.
 */
final class Thumb1Flags {
    static final int N = 1 << 31;
    static final int Z = 1 << 30;
    static final int C = 1 << 29;
    static final int V = 1 << 28;

    private Thumb1Flags() {
    }

    static int apsr(int result, boolean carry, boolean overflow) {
        return (result < 0 ? N : 0) | (result == 0 ? Z : 0) | (carry ? C : 0) | (overflow ? V : 0);
    }

    /** N and Z from the result, C and V kept from the flags before. */
    static int nz(int result, int flagsBefore) {
        return apsr(result, (flagsBefore & C) != 0, (flagsBefore & V) != 0);
    }

    static int addFlags(int a, int b, int carryIn) {
        long sum = Integer.toUnsignedLong(a) + Integer.toUnsignedLong(b) + carryIn;
        int result = (int) sum;
        return apsr(result, (sum >>> 32) != 0, ((a ^ result) & (b ^ result)) < 0);
    }

    /** a - b - (1 - carryIn): C set when no borrow. */
    static int subFlags(int a, int b, int carryIn) {
        long difference = Integer.toUnsignedLong(a) - Integer.toUnsignedLong(b) - (1 - carryIn);
        int result = (int) difference;
        return apsr(result, difference >= 0, ((a ^ b) & (a ^ result)) < 0);
    }

    static int carry(int flags) {
        return (flags & C) != 0 ? 1 : 0;
    }

    /** Shift by register: amount is the bottom byte; 0 keeps C. Returns {result, flags}. */
    static int[] lsl(int a, int amount, int flagsBefore) {
        int n = amount & 0xFF;
        if (n == 0) {
            return new int[] {a, nz(a, flagsBefore)};
        }
        int result = n < 32 ? a << n : 0;
        int carry = n < 32 ? (a >>> (32 - n)) & 1 : n == 32 ? a & 1 : 0;
        return withCarry(result, carry, flagsBefore);
    }

    static int[] lsr(int a, int amount, int flagsBefore) {
        int n = amount & 0xFF;
        if (n == 0) {
            return new int[] {a, nz(a, flagsBefore)};
        }
        int result = n < 32 ? a >>> n : 0;
        int carry = n < 32 ? (a >>> (n - 1)) & 1 : n == 32 ? a >>> 31 : 0;
        return withCarry(result, carry, flagsBefore);
    }

    static int[] asr(int a, int amount, int flagsBefore) {
        int n = amount & 0xFF;
        if (n == 0) {
            return new int[] {a, nz(a, flagsBefore)};
        }
        int result = n < 32 ? a >> n : a >> 31;
        int carry = n < 32 ? (a >> (n - 1)) & 1 : a >>> 31;
        return withCarry(result, carry, flagsBefore);
    }

    static int[] ror(int a, int amount, int flagsBefore) {
        int n = amount & 0xFF;
        if (n == 0) {
            return new int[] {a, nz(a, flagsBefore)};
        }
        int result = Integer.rotateRight(a, n & 31);
        return withCarry(result, result >>> 31, flagsBefore);
    }

    private static int[] withCarry(int result, int carry, int flagsBefore) {
        return new int[] {result, apsr(result, carry != 0, (flagsBefore & V) != 0)};
    }

    /** Condition codes EQ..LE (0..13) as a bit mask, for the given NZCV. */
    static int conditionMask(int flags) {
        boolean n = (flags & N) != 0, z = (flags & Z) != 0, c = (flags & C) != 0, v = (flags & V) != 0;
        boolean[] taken = {z, !z, c, !c, n, !n, v, !v, c && !z, !c || z, n == v, n != v, !z && n == v, z || n != v};
        int mask = 0;
        for (int i = 0; i < taken.length; i++) {
            mask |= taken[i] ? 1 << i : 0;
        }
        return mask;
    }
}
