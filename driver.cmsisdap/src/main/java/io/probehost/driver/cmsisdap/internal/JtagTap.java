package io.probehost.driver.cmsisdap.internal;

/**
 * One TAP of a JTAG scan chain, as discovery found it.
 *
 * @param idcode   its IDCODE, or 0 when it came up in BYPASS (it has none)
 * @param irLength its instruction register length in bits
 */
record JtagTap(int idcode, int irLength) {

    /** JEP106 code of Arm Ltd in IDCODE bits 11:1. */
    static final int ARM_DESIGNER = 0x23B;

    boolean hasIdcode() {
        return idcode != 0;
    }

    /** An Arm JTAG-DP (or SWJ-DP in JTAG mode): designer Arm and a 4-bit IR. */
    boolean isArmDebugPort() {
        return hasIdcode() && ((idcode >>> 1) & 0x7FF) == ARM_DESIGNER && irLength == 4;
    }

    @Override
    public String toString() {
        return (hasIdcode() ? String.format("0x%08X", idcode) : "bypass") + " (IR " + irLength + ")";
    }
}
