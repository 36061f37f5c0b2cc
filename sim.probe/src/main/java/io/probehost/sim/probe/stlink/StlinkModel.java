package io.probehost.sim.probe.stlink;

/**
 * The ST-Link hardware variants the lab emulates: USB product ID, endpoints and bus speed (V2 and
 * V2-1 are full-speed with 64-byte bulk packets, V3 and V3PWR high-speed with 512-byte packets).
 */
public enum StlinkModel {
    V2(0x3748, 2, 0x02, 0x81, 0x83, false, "STM32 STLink"),
    V2_1(0x374B, 2, 0x01, 0x81, 0x82, false, "STM32 STLink"),
    V3(0x374F, 3, 0x01, 0x81, 0x82, true, "STLINK-V3"),
    V3PWR(0x3757, 4, 0x01, 0x81, 0x82, true, "STLINK-V3PWR");

    public static final int VENDOR_ID = 0x0483;

    private final int productId;
    private final int hardwareVersion;
    private final int outEndpoint;
    private final int inEndpoint;
    private final int traceEndpoint;
    private final boolean highSpeed;
    private final String product;

    StlinkModel(int productId, int hardwareVersion, int outEndpoint, int inEndpoint, int traceEndpoint,
            boolean highSpeed, String product) {
        this.productId = productId;
        this.hardwareVersion = hardwareVersion;
        this.outEndpoint = outEndpoint;
        this.inEndpoint = inEndpoint;
        this.traceEndpoint = traceEndpoint;
        this.highSpeed = highSpeed;
        this.product = product;
    }

    public int productId() {
        return productId;
    }

    /** The V of "V2J37S7" (4 for the V3PWR, which reports it through GET_VERSION_EX). */
    public int hardwareVersion() {
        return hardwareVersion;
    }

    public int outEndpoint() {
        return outEndpoint;
    }

    public int inEndpoint() {
        return inEndpoint;
    }

    public int traceEndpoint() {
        return traceEndpoint;
    }

    public boolean highSpeed() {
        return highSpeed;
    }

    public int packetSize() {
        return highSpeed ? 512 : 64;
    }

    /** V3 and later: API v3, GET_VERSION_EX, the COM_FREQ commands instead of divisor tables. */
    public boolean isV3() {
        return hardwareVersion >= 3;
    }

    /** V2-1, V3 and V3PWR expose mass-storage and virtual-COM-port interfaces beside the debug one. */
    public boolean hasMassStorage() {
        return this != V2;
    }

    String product() {
        return product;
    }
}
