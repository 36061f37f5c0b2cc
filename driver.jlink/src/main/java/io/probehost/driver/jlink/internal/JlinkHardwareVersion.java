package io.probehost.driver.jlink.internal;

/**
 * GET_HW_VERSION decoded: the u32 is decimal coded, type (v / 1 000 000) % 100, major (v / 10 000) % 100,
 * minor (v / 100) % 100, revision v % 100.
 */
record JlinkHardwareVersion(int type, int major, int minor, int revision) {

    static JlinkHardwareVersion decode(int raw) {
        long v = raw & 0xFFFF_FFFFL;
        return new JlinkHardwareVersion((int) (v / 1_000_000 % 100), (int) (v / 10_000 % 100),
                (int) (v / 100 % 100), (int) (v % 100));
    }

    /** The hardware family: J-Link, J-Trace, Flasher, J-Link Pro. */
    String typeName() {
        return switch (type) {
            case 0 -> "J-Link";
            case 1 -> "J-Trace";
            case 2 -> "Flasher";
            case 3 -> "J-Link Pro";
            default -> "J-Link (type " + type + ")";
        };
    }

    /** Such as {@code V11.00}. */
    String display() {
        return String.format("V%d.%02d", major, minor);
    }
}
