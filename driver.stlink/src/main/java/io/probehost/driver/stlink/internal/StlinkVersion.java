package io.probehost.driver.stlink.internal;

import io.probehost.api.ProbeException;

/**
 * The probe's hardware and firmware versions (GET_VERSION, and GET_VERSION_EX on V3) and the
 * features they bring, as the firmware matrix of the protocol note lists them.
 *
 * @param jtag the JTAG/SWD firmware version J; 0 means the firmware cannot debug (STM8 only)
 */
record StlinkVersion(StlinkModel model, int hardware, int jtag, int swim, int massStorage, int bridge,
        int power) {

    /** The oldest V2 firmware this driver supports (pyOCD's minimum too). */
    static final int MINIMUM_V2_JTAG = 24;
    /**
     * V2 firmware from this version on refuses non-STM32 targets (answers BAD_AP); pyOCD issue 918
     * reports V2J37 refusing an nRF52 that V2J34 debugs.
     */
    static final int STM32_ONLY_V2_JTAG = 37;
    /** The V3 counterpart, assumed from the V2 one (same firmware generation); not confirmed. */
    static final int STM32_ONLY_V3_JTAG = 7;

    /** Decodes GET_VERSION's big-endian u16 (bits 15:12 V, 11:6 J, 5:0 S or M). */
    static StlinkVersion decode(StlinkModel model, int raw) {
        int hardware = (raw >> 12) & 0xF;
        int x = (raw >> 6) & 0x3F;
        int y = raw & 0x3F;
        if (model == StlinkModel.V2_1) {
            boolean stm8Only = (x <= 22 && y == 7) || (x >= 25 && y >= 7 && y <= 12);
            return stm8Only ? new StlinkVersion(model, hardware, 0, y, x, 0, 0)
                    : new StlinkVersion(model, hardware, x, 0, y, 0, 0);
        }
        return new StlinkVersion(model, hardware, x, y, 0, 0, 0);
    }

    /** Whether GET_VERSION_EX must be asked: V3 and later report J and S as 0 in GET_VERSION. */
    static boolean needsExtended(int raw) {
        return ((raw >> 12) & 0xF) >= 3 && (raw & 0xFFF) == 0;
    }

    /** Decodes GET_VERSION_EX: HW, SWIM, JTAG, MSC, bridge, power, one byte each. */
    static StlinkVersion decodeExtended(StlinkModel model, byte[] reply) {
        StlinkModel actual = (reply[0] & 0xFF) >= 4 ? StlinkModel.V3PWR : model;
        return new StlinkVersion(actual, reply[0] & 0xFF, reply[2] & 0xFF, reply[1] & 0xFF, reply[3] & 0xFF,
                reply[4] & 0xFF, reply[5] & 0xFF);
    }

    /** As ST shows it: V2J37S7, V2J45M30, V3J15M7B5 (S and P added when non-zero). */
    String display() {
        StringBuilder text = new StringBuilder("V").append(hardware).append('J').append(jtag);
        if (model.isV3()) {
            text.append('M').append(massStorage).append('B').append(bridge);
            if (swim != 0) {
                text.append('S').append(swim);
            }
            if (power != 0) {
                text.append('P').append(power);
            }
        } else if (model == StlinkModel.V2_1) {
            text.append('M').append(massStorage);
            if (swim != 0) {
                text.append('S').append(swim);
            }
        } else {
            text.append('S').append(swim);
        }
        return text.toString();
    }

    /**
     * Refuses firmware that cannot debug or is older than V2J24.
     *
     * @throws ProbeException saying which firmware to install
     */
    void requireSupported(String probeId) {
        if (jtag == 0) {
            throw new ProbeException("ST-Link " + probeId + " runs firmware " + display()
                    + ", which has no SWD/JTAG support (STM8 only): update the firmware with ST's STSW-LINK007 "
                    + "(STM32CubeProgrammer's firmware upgrade)");
        }
        if (!isV3() && jtag < MINIMUM_V2_JTAG) {
            throw new ProbeException("ST-Link " + probeId + " runs firmware " + display() + "; V2J"
                    + MINIMUM_V2_JTAG + " is the oldest supported: update the firmware with ST's STSW-LINK007 "
                    + "(STM32CubeProgrammer's firmware upgrade)");
        }
    }

    boolean isV3() {
        return model.isV3();
    }

    private boolean atLeast(int v2, int v3) {
        return jtag >= (isV3() ? v3 : v2);
    }

    boolean hasSwdSetFreq() {
        return !isV3() && jtag >= 22;
    }

    boolean hasJtagSetFreq() {
        return !isV3() && jtag >= 24;
    }

    boolean hasDapRegisters() {
        return atLeast(24, 0);
    }

    boolean hasJtagDpReadQuirk() {
        return !isV3() && jtag >= 24 && jtag <= 31;
    }

    boolean has16BitAccess() {
        return atLeast(26, 0);
    }

    boolean hasMultipleAps() {
        return atLeast(28, 0);
    }

    /** AP number and CSW bits in memory commands, banked DP registers, RW_MISC. */
    boolean hasApInMemoryCommands() {
        return atLeast(32, 2);
    }

    boolean hasBoardIdentifiers() {
        return atLeast(36, 6);
    }

    /** The largest 8-bit transfer: 512 bytes on V3 from J6, else 64. */
    int max8BitBytes() {
        return isV3() && jtag >= 6 ? 512 : 64;
    }

    boolean restrictsToStm32() {
        return atLeast(STM32_ONLY_V2_JTAG, STM32_ONLY_V3_JTAG);
    }
}
