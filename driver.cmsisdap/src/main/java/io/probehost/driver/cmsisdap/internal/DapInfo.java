package io.probehost.driver.cmsisdap.internal;

import java.util.Optional;
import java.util.Set;

/**
 * What DAP_Info told of an opened probe. The board and target strings are empty when the probe
 * does not give them.
 */
record DapInfo(ProtocolVersion protocolVersion, String firmwareVersion, Set<DapCapability> capabilities,
        int packetSize, int packetCount, String targetVendor, String targetName, String boardVendor,
        String boardName) {

    /** Smallest packet the reference firmware allows, and what we assume when the probe says nothing. */
    static final int MIN_PACKET_SIZE = 64;

    DapInfo {
        capabilities = Set.copyOf(capabilities);
    }

    /**
     * Reads every item once. Packet size comes first so that longer replies can be read whole.
     *
     * @param bulk    whether the probe is a v2 (bulk) probe, for the version fallback
     * @param daplink whether the probe is Arm DAPLink (0D28:0204), for its broken version strings
     */
    static DapInfo read(DapChannel channel, boolean bulk, boolean daplink) {
        int packetSize = (int) info(channel, InfoId.PACKET_SIZE).asNumber(MIN_PACKET_SIZE);
        channel.setPacketSize(Math.max(packetSize, MIN_PACKET_SIZE));
        int packetCount = (int) info(channel, InfoId.PACKET_COUNT).asNumber(1);
        Set<DapCapability> capabilities = DapCapability.fromBits(info(channel, InfoId.CAPABILITIES).asNumber(0));
        ProtocolVersion version = ProtocolVersion.parse(
                info(channel, InfoId.PROTOCOL_VERSION).asString().orElse(""), bulk, daplink);
        String targetVendor = text(channel, InfoId.TARGET_DEVICE_VENDOR);
        String targetName = text(channel, InfoId.TARGET_DEVICE_NAME);
        String firmware = "";
        String boardVendor = "";
        String boardName = "";
        if (version.hasBoardStrings()) {
            firmware = text(channel, InfoId.PRODUCT_FIRMWARE_VERSION);
            boardVendor = text(channel, InfoId.TARGET_BOARD_VENDOR);
            boardName = text(channel, InfoId.TARGET_BOARD_NAME);
        }
        return new DapInfo(version, firmware, capabilities, channel.packetSize(), Math.max(packetCount, 1),
                targetVendor, targetName, boardVendor, boardName);
    }

    private static InfoRequest.Reply info(DapChannel channel, InfoId item) {
        return channel.execute(new InfoRequest(item));
    }

    private static String text(DapChannel channel, InfoId item) {
        return info(channel, item).asString().orElse("");
    }

    boolean has(DapCapability capability) {
        return capabilities.contains(capability);
    }

    /** The target the probe names, as a lower-case pack device name; empty when it names none. */
    Optional<String> targetType() {
        return targetName.isEmpty() ? Optional.empty() : Optional.of(targetName.toLowerCase());
    }
}
