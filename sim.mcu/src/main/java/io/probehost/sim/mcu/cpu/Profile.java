package io.probehost.sim.mcu.cpu;

/**
 * The architecture profile a {@link Core} implements. ARMv6-M is a subset of ARMv7-M: one Thumb
 * decoder serves both, and the ARMv7-M-only parts (Thumb-2's 32-bit encodings beyond BL, MSR, MRS
 * and the barriers; IT blocks; CBZ/CBNZ; unaligned access; BASEPRI and FAULTMASK) are undefined
 * instructions on an ARMv6-M core.
 */
public enum Profile {
    /** Cortex-M0/M0+/M1: priorities in bits [7:6], every misaligned access faults. */
    ARMV6M(0xC0),
    /** Cortex-M3 (no DSP extension, no floating point), with 4 priority bits as on STM32F1. */
    ARMV7M(0xF0);

    private final int priorityMask;

    Profile(int priorityMask) {
        this.priorityMask = priorityMask;
    }

    /** The implemented bits of an 8-bit priority field. */
    public int priorityMask() {
        return priorityMask;
    }
}
