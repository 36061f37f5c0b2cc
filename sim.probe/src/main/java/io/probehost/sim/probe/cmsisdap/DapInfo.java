package io.probehost.sim.probe.cmsisdap;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Answers DAP_Info (0x00): strings with their NUL, capabilities, timer, packet count and size. */
final class DapInfo {
    static final int VENDOR = 0x01;
    static final int PRODUCT = 0x02;
    static final int SERIAL = 0x03;
    static final int PROTOCOL_VERSION = 0x04;
    static final int TARGET_DEVICE_VENDOR = 0x05;
    static final int TARGET_DEVICE_NAME = 0x06;
    static final int TARGET_BOARD_VENDOR = 0x07;
    static final int TARGET_BOARD_NAME = 0x08;
    static final int PRODUCT_FIRMWARE_VERSION = 0x09;
    static final int CAPABILITIES = 0xF0;
    static final int TEST_DOMAIN_TIMER = 0xF1;
    static final int PACKET_COUNT = 0xFE;
    static final int PACKET_SIZE = 0xFF;

    static final int CAP_SWD = 0x01;
    static final int CAP_JTAG = 0x02;
    static final int CAP_ATOMIC = 0x10;
    static final int CAP_TIMER = 0x20;

    private final CmsisDapConfig config;

    DapInfo(CmsisDapConfig config) {
        this.config = config;
    }

    /** The Info bytes (without the length byte); empty means Len = 0, "no information". */
    byte[] answer(int id, TransportProfile profile) {
        return switch (id) {
            case VENDOR -> string(config.dapVendor());
            case PRODUCT -> string(config.dapProduct());
            case SERIAL -> string(config.dapSerial());
            case PROTOCOL_VERSION -> string(config.protocolVersion());
            case TARGET_DEVICE_VENDOR -> string(config.targetVendor());
            case TARGET_DEVICE_NAME -> string(config.targetName());
            case TARGET_BOARD_VENDOR -> string(config.boardVendor());
            case TARGET_BOARD_NAME -> string(config.boardName());
            case PRODUCT_FIRMWARE_VERSION -> string(config.productFirmwareVersion());
            case CAPABILITIES -> new byte[] {(byte) capabilities()};
            case TEST_DOMAIN_TIMER -> config.timestampClockHz() > 0
                    ? le32((int) config.timestampClockHz()) : new byte[0];
            case PACKET_COUNT -> new byte[] {(byte) profile.packetCount()};
            case PACKET_SIZE -> new byte[] {(byte) profile.packetSize(), (byte) (profile.packetSize() >>> 8)};
            default -> new byte[0];
        };
    }

    int capabilities() {
        int caps = CAP_SWD | CAP_ATOMIC;
        if (config.jtag()) {
            caps |= CAP_JTAG;
        }
        if (config.timestampClockHz() > 0) {
            caps |= CAP_TIMER;
        }
        return caps;
    }

    private static byte[] string(String s) {
        if (s == null || s.isEmpty()) {
            return new byte[0];
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(utf8, utf8.length + 1);
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }
}
