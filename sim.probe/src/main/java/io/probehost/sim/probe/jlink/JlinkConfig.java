package io.probehost.sim.probe.jlink;

import java.util.Arrays;
import java.util.Objects;

import io.probehost.sim.probe.stlink.StlinkLinkTiming;

/**
 * One virtual J-Link: its hardware, firmware and what it reports.
 *
 * @param model             USB identity and endpoints
 * @param serialNumber      the USB serial string: the decimal serial, 12 characters with leading zeros
 * @param firmware          the VERSION string
 * @param hardwareVersion   the GET_HW_VERSION word, decimal coded (type * 1 000 000 + major * 10 000 +
 *                          minor * 100 + revision)
 * @param capabilities      the 256 GET_CAPS_EX bits (32 bytes, bit {@code i} in byte {@code i / 8}); the
 *                          first 32 are GET_CAPS; without bit 31 GET_CAPS_EX is not understood
 * @param interfaces        the SELECT_IF 0xFF bit mask (bit 0 JTAG, bit 1 SWD)
 * @param targetMillivolts  VTref as GET_STATE measures it while the target has power
 * @param poweredByProbe    the target's only supply is the probe's 5 V pin: VTref reads 0 until
 *                          SET_KS_POWER switches it on
 * @param maxMemBlock       GET_MAX_MEM_BLOCK: the buffer an HW_JTAG3 command must fit in
 * @param baseFrequencyHz   GET_SPEEDS base frequency
 * @param minDivider        GET_SPEEDS minimum divider
 * @param defaultSpeedKhz   the interface speed after power-up and after SELECT_IF
 * @param timing            the USB latency and throughput the link model charges per packet
 */
public record JlinkConfig(JlinkModel model, String serialNumber, String firmware, int hardwareVersion,
        byte[] capabilities, int interfaces, int targetMillivolts, boolean poweredByProbe, int maxMemBlock,
        int baseFrequencyHz, int minDivider, int defaultSpeedKhz, StlinkLinkTiming timing) {

    public static final int CAP_GET_HW_VERSION = 1;
    public static final int CAP_READ_CONFIG = 4;
    public static final int CAP_SPEED_INFO = 9;
    public static final int CAP_GET_MAX_BLOCK_SIZE = 11;
    public static final int CAP_GET_HW_INFO = 12;
    public static final int CAP_SET_KS_POWER = 13;
    public static final int CAP_SELECT_IF = 17;
    public static final int CAP_GET_CAPS_EX = 31;

    public JlinkConfig {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(firmware, "firmware");
        Objects.requireNonNull(timing, "timing");
        if (capabilities.length != 32) {
            throw new IllegalArgumentException("GET_CAPS_EX has 32 bytes");
        }
        capabilities = capabilities.clone();
    }

    /** A J-Link BASE/PLUS V11: SWD and JTAG, extended capabilities, 5 V target power, 48 MHz / 4. */
    public static JlinkConfig v11(long serial) {
        return new JlinkConfig(JlinkModel.V11, serialText(serial), "J-Link V11 compiled Oct 26 2022 16:34:04",
                110000, caps(0, CAP_GET_HW_VERSION, CAP_READ_CONFIG, CAP_SPEED_INFO, CAP_GET_MAX_BLOCK_SIZE,
                        CAP_GET_HW_INFO, CAP_SET_KS_POWER, CAP_SELECT_IF, CAP_GET_CAPS_EX, 32),
                0b11, 3300, false, 0x4000, 48_000_000, 4, 4000, StlinkLinkTiming.HIGH_SPEED);
    }

    /** A J-Link EDU V9 on the legacy product ID: no GET_CAPS_EX, no target power, 12 MHz / 3 = 4 MHz at most. */
    public static JlinkConfig eduV9(long serial) {
        return new JlinkConfig(JlinkModel.EDU, serialText(serial), "J-Link EDU V9 compiled May  7 2021 16:26:12",
                90300, caps(0, CAP_GET_HW_VERSION, CAP_READ_CONFIG, CAP_SPEED_INFO, CAP_GET_MAX_BLOCK_SIZE,
                        CAP_SELECT_IF),
                0b11, 3300, false, 0x2000, 12_000_000, 3, 1000, StlinkLinkTiming.FULL_SPEED);
    }

    /** The same probe with a target that takes its power from the probe's 5 V pin only. */
    public JlinkConfig withTargetPoweredByProbe() {
        return new JlinkConfig(model, serialNumber, firmware, hardwareVersion, capabilities, interfaces,
                targetMillivolts, true, maxMemBlock, baseFrequencyHz, minDivider, defaultSpeedKhz, timing);
    }

    /** The same probe on a link of another latency and throughput. */
    public JlinkConfig withTiming(StlinkLinkTiming linkTiming) {
        return new JlinkConfig(model, serialNumber, firmware, hardwareVersion, capabilities, interfaces,
                targetMillivolts, poweredByProbe, maxMemBlock, baseFrequencyHz, minDivider, defaultSpeedKhz, linkTiming);
    }

    /** The same probe with another VTref. */
    public JlinkConfig withTargetMillivolts(int millivolts) {
        return new JlinkConfig(model, serialNumber, firmware, hardwareVersion, capabilities, interfaces,
                millivolts, poweredByProbe, maxMemBlock, baseFrequencyHz, minDivider, defaultSpeedKhz, timing);
    }

    public boolean has(int capability) {
        return ((capabilities[capability / 8] >>> (capability % 8)) & 1) != 0;
    }

    /** The 12-character decimal USB serial of {@code serial}. */
    public static String serialText(long serial) {
        return String.format("%012d", serial);
    }

    static byte[] caps(int... bits) {
        byte[] caps = new byte[32];
        for (int bit : bits) {
            caps[bit / 8] |= (byte) (1 << (bit % 8));
        }
        return caps;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JlinkConfig c && c.serialNumber.equals(serialNumber) && c.model == model
                && Arrays.equals(c.capabilities, capabilities) && c.firmware.equals(firmware)
                && c.hardwareVersion == hardwareVersion && c.interfaces == interfaces
                && c.targetMillivolts == targetMillivolts && c.poweredByProbe == poweredByProbe
                && c.maxMemBlock == maxMemBlock && c.baseFrequencyHz == baseFrequencyHz
                && c.minDivider == minDivider && c.defaultSpeedKhz == defaultSpeedKhz && c.timing.equals(timing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, serialNumber, firmware, hardwareVersion, Arrays.hashCode(capabilities));
    }

    @Override
    public byte[] capabilities() {
        return capabilities.clone();
    }
}
