package io.probehost.api.probe;

/** The debug wire between probe and target. */
public enum WireProtocol {
    SWD, JTAG;

    public static WireProtocol parse(String text) {
        for (WireProtocol protocol : values()) {
            if (protocol.name().equalsIgnoreCase(text)) {
                return protocol;
            }
        }
        throw new IllegalArgumentException("unknown wire protocol '" + text + "' (expected swd or jtag)");
    }
}
