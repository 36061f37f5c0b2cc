package io.probehost.driver.stlink.internal;

import java.util.Optional;

/** The ST-Link hardware a USB product ID stands for, with its bulk endpoints. */
enum StlinkModel {
    V2("ST-Link/V2", 0x02, 64),
    V2_1("ST-Link/V2-1", 0x01, 64),
    V3("STLINK-V3", 0x01, 512),
    V3PWR("STLINK-V3PWR", 0x01, 512);

    static final int VENDOR_ID = 0x0483;
    static final int IN_ENDPOINT = 0x81;

    private final String displayName;
    private final int outEndpoint;
    private final int packetBytes;

    StlinkModel(String displayName, int outEndpoint, int packetBytes) {
        this.displayName = displayName;
        this.outEndpoint = outEndpoint;
        this.packetBytes = packetBytes;
    }

    String displayName() {
        return displayName;
    }

    int outEndpoint() {
        return outEndpoint;
    }

    int packetBytes() {
        return packetBytes;
    }

    boolean isV3() {
        return this == V3 || this == V3PWR;
    }

    /** The model of a debug-capable ST-Link product ID; empty for V1, the V3 DFU loader and others. */
    static Optional<StlinkModel> fromProductId(int productId) {
        switch (productId) {
            case 0x3748:
                return Optional.of(V2);
            case 0x374A: case 0x374B: case 0x3752:
                return Optional.of(V2_1);
            case 0x374E: case 0x374F: case 0x3753: case 0x3754:
                return Optional.of(V3);
            case 0x3755: case 0x3757:
                return Optional.of(V3PWR);
            default:
                return Optional.empty();
        }
    }
}
