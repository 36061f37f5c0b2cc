package io.probehost.sim.mcu.cpu;

/** Arithmetic, shifts and condition codes with the ARMv6-M flag rules. */
final class Alu {
    private final Registers r;

    Alu(Registers r) {
        this.r = r;
    }

    int addWithCarry(int x, int y, boolean carryIn, boolean setFlags) {
        long unsignedSum = (x & 0xFFFF_FFFFL) + (y & 0xFFFF_FFFFL) + (carryIn ? 1 : 0);
        int result = (int) unsignedSum;
        if (setFlags) {
            r.n = result < 0;
            r.z = result == 0;
            r.c = (unsignedSum >>> 32) != 0;
            r.v = ((x ^ result) & (y ^ result)) < 0;
        }
        return result;
    }

    int add(int x, int y, boolean setFlags) {
        return addWithCarry(x, y, false, setFlags);
    }

    int sub(int x, int y, boolean setFlags) {
        return addWithCarry(x, ~y, true, setFlags);
    }

    /** Sets N and Z from a result, leaving C and V. */
    int logicFlags(int result) {
        r.n = result < 0;
        r.z = result == 0;
        return result;
    }

    int lslImmediate(int x, int amount) {
        if (amount != 0) {
            r.c = ((x >>> (32 - amount)) & 1) != 0;
            x <<= amount;
        }
        return logicFlags(x);
    }

    int lsrImmediate(int x, int amount) {
        return lsrRegister(x, amount == 0 ? 32 : amount);
    }

    int asrImmediate(int x, int amount) {
        return asrRegister(x, amount == 0 ? 32 : amount);
    }

    int lslRegister(int x, int shiftRegister) {
        int n = shiftRegister & 0xFF;
        if (n == 0) {
            return logicFlags(x);
        }
        if (n < 32) {
            return lslImmediate(x, n);
        }
        r.c = n == 32 && (x & 1) != 0;
        return logicFlags(0);
    }

    int lsrRegister(int x, int shiftRegister) {
        int n = shiftRegister & 0xFF;
        if (n == 0) {
            return logicFlags(x);
        }
        if (n < 32) {
            r.c = ((x >>> (n - 1)) & 1) != 0;
            return logicFlags(x >>> n);
        }
        r.c = n == 32 && x < 0;
        return logicFlags(0);
    }

    int asrRegister(int x, int shiftRegister) {
        int n = shiftRegister & 0xFF;
        if (n == 0) {
            return logicFlags(x);
        }
        if (n < 32) {
            r.c = ((x >> (n - 1)) & 1) != 0;
            return logicFlags(x >> n);
        }
        r.c = x < 0;
        return logicFlags(x >> 31);
    }

    int rorRegister(int x, int shiftRegister) {
        int n = shiftRegister & 0xFF;
        if (n == 0) {
            return logicFlags(x);
        }
        int result = Integer.rotateRight(x, n & 31);
        r.c = result < 0;
        return logicFlags(result);
    }

    boolean conditionPassed(int cond) {
        boolean result;
        switch (cond >>> 1) {
            case 0: result = r.z; break;
            case 1: result = r.c; break;
            case 2: result = r.n; break;
            case 3: result = r.v; break;
            case 4: result = r.c && !r.z; break;
            case 5: result = r.n == r.v; break;
            case 6: result = r.n == r.v && !r.z; break;
            default: return true;
        }
        return (cond & 1) == 0 ? result : !result;
    }
}
