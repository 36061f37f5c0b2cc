package io.probehost.api.debug;

/**
 * A core register as the architecture numbers it.
 *
 * @param name     upper-case name such as {@code PC}, {@code xPSR} is spelled {@code XPSR}
 * @param number   the architecture's register number (for Cortex-M the DCRSR REGSEL; registers
 *                 packed into another one, such as PRIMASK, use negative numbers)
 * @param bitWidth width of the value in bits (8 for PRIMASK, 32 for R0)
 */
public record CoreRegister(String name, int number, int bitWidth) {

    public CoreRegister {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a core register needs a name");
        }
        if (bitWidth < 1 || bitWidth > 64) {
            throw new IllegalArgumentException("register " + name + ": bit width " + bitWidth + " is not 1..64");
        }
    }

    /** The mask of the bits this register holds. */
    public long mask() {
        return bitWidth == 64 ? -1L : (1L << bitWidth) - 1;
    }
}
