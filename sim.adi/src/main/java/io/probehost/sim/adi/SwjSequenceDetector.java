package io.probehost.sim.adi;

/**
 * Watches the SWDIO/TMS line for the SWJ-DP protocol-switch sequences and the ADIv5.2 dormant
 * sequences, whatever protocol the DP currently speaks. Every pattern is sent LSB first and begins
 * with a 0, so capturing starts at the first 0 after a long enough run of ones.
 */
final class SwjSequenceDetector {
    private static final int SWITCH_MIN_ONES = 50;
    private static final int JTAG_TO_DORMANT_MIN_ONES = 5;
    private static final int ALERT_MIN_ONES = 8;
    private static final int ACTIVATION_PREFIX_ZEROS = 4;

    private enum Pattern {
        JTAG_TO_SWD(0xE79EL, 16, WireMode.JTAG, SWITCH_MIN_ONES, WireMode.SWD),
        SWD_TO_JTAG(0xE73CL, 16, WireMode.SWD, SWITCH_MIN_ONES, WireMode.JTAG),
        SWD_TO_DORMANT(0xE3BCL, 16, WireMode.SWD, SWITCH_MIN_ONES, WireMode.DORMANT),
        JTAG_TO_DORMANT(0x33BB_BBBAL, 31, WireMode.JTAG, JTAG_TO_DORMANT_MIN_ONES, WireMode.DORMANT);

        final long bits;
        final int length;
        final WireMode from;
        final int minOnes;
        final WireMode to;

        Pattern(long bits, int length, WireMode from, int minOnes, WireMode to) {
            this.bits = bits;
            this.length = length;
            this.from = from;
            this.minOnes = minOnes;
            this.to = to;
        }
    }

    /** The 128-bit selection alert, LSB of the first byte first. */
    private static final byte[] SELECTION_ALERT = {
        (byte) 0x92, (byte) 0xF3, 0x09, 0x62, (byte) 0x95, 0x2D, (byte) 0x85, (byte) 0x86,
        (byte) 0xE9, (byte) 0xAF, (byte) 0xDD, (byte) 0xE3, (byte) 0xA2, 0x0E, (byte) 0xBC, 0x19};
    private static final int SWD_ACTIVATION = 0x1A;
    private static final int ARM_JTAG_ACTIVATION = 0x0A;
    private static final int JTAG_SERIAL_ACTIVATION_BITS = 12;

    private int onesRun;
    private boolean capturing;
    private int armedOnes;
    private long captured;
    private int capturedLength;
    private int alertBitsMatched = -1;
    private int activationBits = -1;
    private int activationCode;

    /** Forgets partial matches, e.g. after the mode changed. */
    void reset() {
        onesRun = 0;
        capturing = false;
        alertBitsMatched = -1;
        activationBits = -1;
    }

    /**
     * Feeds one line bit.
     *
     * @return the mode to switch to, or null when the bit completes no sequence
     */
    WireMode bit(boolean line, WireMode mode) {
        return mode == WireMode.DORMANT ? dormantBit(line) : activeBit(line, mode);
    }

    private WireMode activeBit(boolean line, WireMode mode) {
        if (!capturing) {
            if (line) {
                onesRun++;
            } else if (onesRun >= JTAG_TO_DORMANT_MIN_ONES) {
                capturing = true;
                armedOnes = onesRun;
                captured = 0;
                capturedLength = 1;
                onesRun = 0;
            } else {
                onesRun = 0;
            }
            return null;
        }
        if (line) {
            captured |= 1L << capturedLength;
        }
        capturedLength++;
        boolean anyPrefix = false;
        for (Pattern pattern : Pattern.values()) {
            if (pattern.from != mode || armedOnes < pattern.minOnes || capturedLength > pattern.length) {
                continue;
            }
            long mask = (1L << capturedLength) - 1;
            if ((pattern.bits & mask) == captured) {
                if (capturedLength == pattern.length) {
                    reset();
                    return pattern.to;
                }
                anyPrefix = true;
            }
        }
        if (!anyPrefix) {
            capturing = false;
            onesRun = trailingOnes();
        }
        return null;
    }

    /** Ones at the end of the captured window, which may start the next run. */
    private int trailingOnes() {
        int count = 0;
        for (int i = capturedLength - 1; i >= 0 && ((captured >>> i) & 1) != 0; i--) {
            count++;
        }
        return count;
    }

    private WireMode dormantBit(boolean line) {
        if (activationBits >= 0) {
            return activationBit(line);
        }
        if (alertBitsMatched < 0) {
            if (line) {
                onesRun++;
            } else {
                if (onesRun >= ALERT_MIN_ONES && !alertBit(0)) {
                    alertBitsMatched = 1;
                }
                onesRun = 0;
            }
            return null;
        }
        if (line == alertBit(alertBitsMatched)) {
            alertBitsMatched++;
            if (alertBitsMatched == 128) {
                alertBitsMatched = -1;
                activationBits = 0;
                activationCode = 0;
            }
        } else {
            alertBitsMatched = -1;
            onesRun = line ? 1 : 0;
        }
        return null;
    }

    private WireMode activationBit(boolean line) {
        int index = activationBits++;
        if (index < ACTIVATION_PREFIX_ZEROS) {
            if (line) {
                activationBits = -1;
                onesRun = 1;
            }
            return null;
        }
        activationCode |= (line ? 1 : 0) << (index - ACTIVATION_PREFIX_ZEROS);
        int codeBits = index - ACTIVATION_PREFIX_ZEROS + 1;
        if (codeBits == 8 && activationCode == SWD_ACTIVATION) {
            reset();
            return WireMode.SWD;
        }
        if (codeBits == 8 && activationCode == ARM_JTAG_ACTIVATION) {
            reset();
            return WireMode.JTAG;
        }
        if (activationCode != 0) {
            if (codeBits >= 8) {
                activationBits = -1;
                onesRun = line ? 1 : 0;
            }
            return null;
        }
        if (codeBits == JTAG_SERIAL_ACTIVATION_BITS) {
            reset();
            return WireMode.JTAG;
        }
        return null;
    }

    private static boolean alertBit(int index) {
        return ((SELECTION_ALERT[index / 8] >>> (index % 8)) & 1) != 0;
    }
}
