package io.probehost.sim.adi;

/** A DP's answer to a transfer request, with its SWD and JTAG-DP (ADIv5) wire codes. */
public enum Ack {
    OK(0b001, 0b010),
    WAIT(0b010, 0b001),
    /** SWD only: JTAG-DP (ADIv5) shares the OK code, the host finds the error in CTRL/STAT. */
    FAULT(0b100, 0b010);

    private final int swdCode;
    private final int jtagCode;

    Ack(int swdCode, int jtagCode) {
        this.swdCode = swdCode;
        this.jtagCode = jtagCode;
    }

    /** The three ACK bits on SWDIO, bit 0 first. */
    public int swdCode() {
        return swdCode;
    }

    /** The three ACK bits captured in DR[2:0] of a DPACC/APACC scan. */
    public int jtagCode() {
        return jtagCode;
    }

    public static Ack fromSwdCode(int code) {
        for (Ack ack : values()) {
            if (ack.swdCode == code) {
                return ack;
            }
        }
        throw new IllegalArgumentException("not an SWD ACK: 0b" + Integer.toBinaryString(code));
    }
}
