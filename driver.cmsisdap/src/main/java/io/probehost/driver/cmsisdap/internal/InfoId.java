package io.probehost.driver.cmsisdap.internal;

/** The DAP_Info items, with their IDs. */
enum InfoId {
    VENDOR_NAME(0x01),
    PRODUCT_NAME(0x02),
    SERIAL_NUMBER(0x03),
    PROTOCOL_VERSION(0x04),
    TARGET_DEVICE_VENDOR(0x05),
    TARGET_DEVICE_NAME(0x06),
    TARGET_BOARD_VENDOR(0x07),
    TARGET_BOARD_NAME(0x08),
    PRODUCT_FIRMWARE_VERSION(0x09),
    CAPABILITIES(0xF0),
    TEST_DOMAIN_TIMER(0xF1),
    SWO_BUFFER_SIZE(0xFD),
    PACKET_COUNT(0xFE),
    PACKET_SIZE(0xFF);

    private final int code;

    InfoId(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    static InfoId fromCode(int code) {
        for (InfoId id : values()) {
            if (id.code == code) {
                return id;
            }
        }
        throw new IllegalArgumentException(String.format("not a DAP_Info ID: 0x%02X", code));
    }
}
