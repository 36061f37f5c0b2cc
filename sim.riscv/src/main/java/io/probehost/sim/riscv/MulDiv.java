package io.probehost.sim.riscv;

/**
 * The M extension's eight operations. Division never traps: x / 0 = -1 (all ones, also unsigned),
 * x % 0 = x, and the signed overflow MIN / -1 = MIN with remainder 0.
 */
final class MulDiv {
    private MulDiv() {
    }

    static int apply(int funct3, int a, int b) {
        return switch (funct3) {
            case 0 -> a * b;
            case 1 -> (int) (((long) a * (long) b) >> 32);
            case 2 -> (int) (((long) a * (b & 0xFFFF_FFFFL)) >> 32);
            case 3 -> (int) (((a & 0xFFFF_FFFFL) * (b & 0xFFFF_FFFFL)) >>> 32);
            case 4 -> b == 0 ? -1 : (a == Integer.MIN_VALUE && b == -1) ? a : a / b;
            case 5 -> b == 0 ? -1 : Integer.divideUnsigned(a, b);
            case 6 -> b == 0 ? a : (a == Integer.MIN_VALUE && b == -1) ? 0 : a % b;
            default -> b == 0 ? a : Integer.remainderUnsigned(a, b);
        };
    }
}
