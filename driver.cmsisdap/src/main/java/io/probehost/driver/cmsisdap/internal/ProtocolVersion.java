package io.probehost.driver.cmsisdap.internal;

/**
 * A CMSIS-DAP protocol version, parsed from DAP_Info 0x04 the way pyOCD does: "2.1.0" as is,
 * the old two-field "1.10" as 1.1.0, betas "0.0x" as 1.0.0, and the DAPLink firmware versions
 * "0254"/"0255" some builds report by mistake as 2.0.0. Anything unreadable falls back to the
 * lowest version of the transport (1.0.0 on HID, 2.0.0 on bulk).
 */
record ProtocolVersion(int major, int minor, int patch) implements Comparable<ProtocolVersion> {

    static final ProtocolVersion V1_0_0 = new ProtocolVersion(1, 0, 0);
    static final ProtocolVersion V1_2_0 = new ProtocolVersion(1, 2, 0);
    static final ProtocolVersion V1_3_0 = new ProtocolVersion(1, 3, 0);
    static final ProtocolVersion V2_0_0 = new ProtocolVersion(2, 0, 0);
    static final ProtocolVersion V2_1_0 = new ProtocolVersion(2, 1, 0);

    static ProtocolVersion parse(String text, boolean bulk, boolean daplink) {
        ProtocolVersion fallback = bulk ? V2_0_0 : V1_0_0;
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String trimmed = text.trim();
        if (daplink && (trimmed.equals("0254") || trimmed.equals("0255"))) {
            return V2_0_0;
        }
        ProtocolVersion parsed;
        try {
            String[] fields = trimmed.split("\\.");
            int major = Integer.parseInt(fields[0]);
            if (fields.length == 2 && fields[1].length() == 2) {
                parsed = new ProtocolVersion(major, Character.digit(fields[1].charAt(0), 10),
                        Character.digit(fields[1].charAt(1), 10));
            } else {
                parsed = new ProtocolVersion(major, fields.length > 1 ? Integer.parseInt(fields[1]) : 0,
                        fields.length > 2 ? Integer.parseInt(fields[2]) : 0);
            }
        } catch (NumberFormatException e) {
            return fallback;
        }
        if (parsed.minor < 0 || parsed.patch < 0) {
            return fallback;
        }
        if (parsed.major == 0 && parsed.minor == 0) {
            return V1_0_0;
        }
        return parsed.major == 1 || parsed.major == 2 ? parsed : fallback;
    }

    /** Whether DAP_Info has the board strings and product firmware version (2.1.0+, or 1.3.0+ on HID). */
    boolean hasBoardStrings() {
        return compareTo(V2_1_0) >= 0 || (compareTo(V1_3_0) >= 0 && major == 1);
    }

    /** Whether DAP_SWD_Sequence exists (1.2.0+ on HID, every 2.x). */
    boolean hasSwdSequence() {
        return compareTo(V1_2_0) >= 0;
    }

    @Override
    public int compareTo(ProtocolVersion other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
