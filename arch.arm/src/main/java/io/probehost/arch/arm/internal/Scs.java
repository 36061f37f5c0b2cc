package io.probehost.arch.arm.internal;

/** Cortex-M System Control Space debug registers and their bits (ARMv6-M/v7-M/v8-M). */
final class Scs {
    static final long CPUID = 0xE000ED00L;
    static final long AIRCR = 0xE000ED0CL;
    static final long CFSR = 0xE000ED28L;
    static final long HFSR = 0xE000ED2CL;
    static final long DFSR = 0xE000ED30L;
    static final long MMFAR = 0xE000ED34L;
    static final long BFAR = 0xE000ED38L;
    static final long DHCSR = 0xE000EDF0L;
    static final long DCRSR = 0xE000EDF4L;
    static final long DCRDR = 0xE000EDF8L;
    static final long DEMCR = 0xE000EDFCL;
    static final long MVFR0 = 0xE000EF40L;
    static final long ICIALLU = 0xE000EF50L;

    static final int DHCSR_KEY = 0xA05F0000;
    static final int C_DEBUGEN = 1;
    static final int C_HALT = 1 << 1;
    static final int C_STEP = 1 << 2;
    static final int C_MASKINTS = 1 << 3;
    static final int S_REGRDY = 1 << 16;
    static final int S_HALT = 1 << 17;
    static final int S_LOCKUP = 1 << 19;
    static final int S_RESET_ST = 1 << 25;

    static final int DCRSR_WRITE = 1 << 16;

    static final int AIRCR_VECTKEY = 0x05FA0000;
    static final int AIRCR_SYSRESETREQ = 1 << 2;

    static final int DEMCR_VC_CORERESET = 1;
    static final int DEMCR_VC_HARDERR = 1 << 10;
    static final int DEMCR_TRCENA = 1 << 24;

    static final int DFSR_HALTED = 1;
    static final int DFSR_BKPT = 1 << 1;
    static final int DFSR_DWTTRAP = 1 << 2;
    static final int DFSR_VCATCH = 1 << 3;
    static final int DFSR_EXTERNAL = 1 << 4;
    static final int DFSR_ALL = 0x1F;

    static final long DEFAULT_DWT = 0xE0001000L;
    static final long DEFAULT_FPB = 0xE0002000L;

    private Scs() {
    }
}
