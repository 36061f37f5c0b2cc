package io.probehost.arch.arm.internal;

import io.probehost.api.probe.SwjControl;

/** The SWJ-DP line reset, protocol switch and dormant wake-up sequences, sent LSB first. */
final class SwjSequences {
    /** 56 ones then 8 zeros: a line reset followed by idle cycles. */
    private static final byte[] LINE_RESET = {-1, -1, -1, -1, -1, -1, -1, 0};
    private static final byte[] ONES_64 = {-1, -1, -1, -1, -1, -1, -1, -1};
    private static final byte[] JTAG_TO_SWD = {(byte) 0x9E, (byte) 0xE7};
    private static final byte[] SWD_TO_JTAG = {(byte) 0x3C, (byte) 0xE7};
    private static final byte[] SWD_TO_DORMANT = {(byte) 0xBC, (byte) 0xE3};
    private static final byte[] JTAG_TO_DORMANT = {(byte) 0xBA, (byte) 0xBB, (byte) 0xBB, (byte) 0x33};
    private static final byte[] SELECTION_ALERT = {(byte) 0x92, (byte) 0xF3, 0x09, 0x62, (byte) 0x95, 0x2D,
        (byte) 0x85, (byte) 0x86, (byte) 0xE9, (byte) 0xAF, (byte) 0xDD, (byte) 0xE3, (byte) 0xA2, 0x0E,
        (byte) 0xBC, 0x19};
    /** Four zeros then the SWD activation code 0x1A: the 12-bit value 0x1A0. */
    private static final byte[] SWD_ACTIVATION = {(byte) 0xA0, 0x01};
    private static final byte[] ZERO = {0};

    private SwjSequences() {
    }

    static void lineReset(SwjControl swj) {
        swj.swjSequence(64, LINE_RESET);
    }

    /** The ADIv5 legacy switch: line reset, 0xE79E, line reset, idle. */
    static void jtagToSwd(SwjControl swj) {
        swj.swjSequence(64, ONES_64);
        swj.swjSequence(16, JTAG_TO_SWD);
        lineReset(swj);
    }

    /**
     * Dormant-capable switch from any state: SWD to dormant, JTAG to dormant (each is ignored by a
     * DP not in the state it leaves), selection alert, SWD activation code, line reset.
     */
    static void dormantToSwd(SwjControl swj) {
        swj.swjSequence(64, ONES_64);
        swj.swjSequence(16, SWD_TO_DORMANT);
        swj.swjSequence(8, new byte[] {-1});
        swj.swjSequence(31, JTAG_TO_DORMANT);
        swj.swjSequence(8, new byte[] {-1});
        swj.swjSequence(128, SELECTION_ALERT);
        swj.swjSequence(12, SWD_ACTIVATION);
        lineReset(swj);
    }

    /** Switches to JTAG and leaves the TAP in Run-Test/Idle through Test-Logic-Reset. */
    static void swdToJtag(SwjControl swj) {
        swj.swjSequence(64, ONES_64);
        swj.swjSequence(16, SWD_TO_JTAG);
        swj.swjSequence(8, new byte[] {-1});
        swj.swjSequence(1, ZERO);
    }
}
