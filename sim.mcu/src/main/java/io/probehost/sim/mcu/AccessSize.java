package io.probehost.sim.mcu;

/** Width of one bus access. */
public enum AccessSize {
    BYTE(1), HALFWORD(2), WORD(4);

    private final int bytes;

    AccessSize(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }

    /** Mask of the value bits an access of this size carries. */
    public int mask() {
        return bytes == 4 ? 0xFFFF_FFFF : (1 << (8 * bytes)) - 1;
    }
}
