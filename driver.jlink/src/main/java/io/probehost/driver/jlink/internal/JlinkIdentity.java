package io.probehost.driver.jlink.internal;

/**
 * What a J-Link told about itself at open.
 *
 * @param firmware     the VERSION string
 * @param hardware     GET_HW_VERSION decoded; null on probes without it
 * @param capabilities GET_CAPS, or GET_CAPS_EX where bit 31 offers it
 * @param interfaces   the SELECT_IF 0xFF mask (JTAG only, 0b01, on probes without SELECT_IF)
 * @param maxMemBlock  GET_MAX_MEM_BLOCK, or 65535 on probes without it
 * @param maxClockHz   GET_SPEEDS' base frequency over its minimum divider, or 12 MHz without it
 */
record JlinkIdentity(String firmware, JlinkHardwareVersion hardware, JlinkCapabilities capabilities, int interfaces,
        int maxMemBlock, long maxClockHz) {

    /** The product column of the probe list: hardware and version, and the firmware's build date. */
    String productName() {
        String model = hardware == null ? "J-Link" : hardware.typeName() + " " + hardware.display();
        int compiled = firmware.indexOf("compiled ");
        return compiled < 0 ? model + " (" + firmware + ")"
                : model + " (firmware " + firmware.substring(compiled + "compiled ".length()) + ")";
    }
}
