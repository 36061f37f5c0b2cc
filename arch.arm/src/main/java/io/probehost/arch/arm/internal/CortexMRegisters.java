package io.probehost.arch.arm.internal;

import java.util.ArrayList;
import java.util.List;

import io.probehost.api.debug.CoreRegister;

/**
 * Cortex-M core registers with their DCRSR REGSEL. CONTROL, FAULTMASK, BASEPRI and PRIMASK share
 * REGSEL 0x14 (bytes 3..0) and carry negative numbers, -1 - their byte index.
 */
final class CortexMRegisters {
    static final int PACKED_SPECIAL_SELECTOR = 0x14;

    static final CoreRegister SP = new CoreRegister("SP", 0x0D, 32);
    static final CoreRegister LR = new CoreRegister("LR", 0x0E, 32);
    static final CoreRegister PC = new CoreRegister("PC", 0x0F, 32);
    static final CoreRegister XPSR = new CoreRegister("XPSR", 0x10, 32);
    static final CoreRegister MSP = new CoreRegister("MSP", 0x11, 32);
    static final CoreRegister PSP = new CoreRegister("PSP", 0x12, 32);
    static final CoreRegister PRIMASK = new CoreRegister("PRIMASK", -1, 8);
    static final CoreRegister BASEPRI = new CoreRegister("BASEPRI", -2, 8);
    static final CoreRegister FAULTMASK = new CoreRegister("FAULTMASK", -3, 8);
    static final CoreRegister CONTROL = new CoreRegister("CONTROL", -4, 8);

    private CortexMRegisters() {
    }

    static final CoreRegister FPSCR = new CoreRegister("FPSCR", 0x21, 32);
    private static final int FIRST_SINGLE_PRECISION_SELECTOR = 0x40;

    /** R0-R12, SP, LR, PC, XPSR, MSP, PSP, PRIMASK, [BASEPRI, FAULTMASK,] CONTROL, [FPSCR, S0-S31]. */
    static List<CoreRegister> forCore(boolean mainline, boolean floatingPoint) {
        List<CoreRegister> registers = new ArrayList<>();
        for (int n = 0; n <= 12; n++) {
            registers.add(general(n));
        }
        registers.addAll(List.of(SP, LR, PC, XPSR, MSP, PSP, PRIMASK));
        if (mainline) {
            registers.add(BASEPRI);
            registers.add(FAULTMASK);
        }
        registers.add(CONTROL);
        if (floatingPoint) {
            registers.add(FPSCR);
            for (int n = 0; n < 32; n++) {
                registers.add(new CoreRegister("S" + n, FIRST_SINGLE_PRECISION_SELECTOR + n, 32));
            }
        }
        return List.copyOf(registers);
    }

    /** R0-R12, numbered as DCRSR selects them. */
    static CoreRegister general(int n) {
        if (n < 0 || n > 12) {
            throw new IllegalArgumentException("R" + n + " is not a general purpose register");
        }
        return new CoreRegister("R" + n, n, 32);
    }

    static boolean isPacked(CoreRegister register) {
        return register.number() < 0;
    }

    /** The byte of the packed 0x14 value a packed register occupies. */
    static int packedByte(CoreRegister register) {
        return -1 - register.number();
    }
}
