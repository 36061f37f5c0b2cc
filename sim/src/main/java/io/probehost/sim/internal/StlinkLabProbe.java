package io.probehost.sim.internal;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.probehost.api.ProbeException;
import io.probehost.sim.probe.stlink.StlinkConfig;
import io.probehost.sim.probe.stlink.StlinkLinkTiming;
import io.probehost.sim.probe.stlink.StlinkProbe;

/**
 * An ST-Link emulator in the lab. Its packets go through its link model: a full-speed probe (V2,
 * V2-1) pays the lab's full-speed round trip per command, a high-speed one (V3) the high-speed one.
 *
 * <p>Its bench floor follows from the protocol's limits: a 32-bit READMEM or WRITEMEM command moves at
 * most {@value #MAX_WORD_BYTES} bytes (the probe's buffer; it splits the USB packets and rewrites TAR
 * itself), and the host must ask GETLASTRWSTATUS2 after each one to learn whether it faulted. So 64
 * KiB take at least {@code 2 * ceil(65536 / 6144)} = 22 commands, each one USB round trip (a WRITEMEM's
 * data phase rides in the same round trip as its command block), in either direction.
 */
final class StlinkLabProbe extends LabProbe {
    /** Largest 32-bit memory command (stlink.md, 4.1). */
    static final int MAX_WORD_BYTES = 6144;
    /** A memory command, then GETLASTRWSTATUS2. */
    static final int COMMANDS_PER_TRANSFER = 2;
    static final long V2_MAX_SWD_HZ = 4_000_000;
    static final long V3_MAX_SWD_HZ = 24_000_000;
    /** "V2J37S7", "V2J37M26", "V3J7M3B2": hardware version, J, S or M, and the V3's bridge version. */
    private static final Pattern FIRMWARE = Pattern.compile("V(\\d)J(\\d+)[SM](\\d+)(?:B(\\d+))?");

    private final StlinkProbe device;

    /** A probe of {@code config} (see {@link #configure}) in front of {@code target}. */
    StlinkLabProbe(StlinkConfig config, Lab.Target target) {
        this(config, target.arm("an ST-Link in front of it"));
    }

    private StlinkLabProbe(StlinkConfig config, LabChip.Arm chip) {
        this(new StlinkProbe(config, chip.port(), chip.mcu().clock()));
    }

    private StlinkLabProbe(StlinkProbe device) {
        super(device, device::isPlugged, device.link()::snapshot, device.link()::reset, device::close);
        this.device = device;
    }

    /** {@code base} with the link's round trip for its bus speed, and the firmware a lab file names, if any. */
    static StlinkConfig configure(StlinkConfig base, LabConfig.Probe spec, LabConfig.Link link) {
        long roundTripMicros = base.model().highSpeed() ? link.bulkRoundTripMicros() : link.hidRoundTripMicros();
        StlinkLinkTiming timing = new StlinkLinkTiming(roundTripMicros * 1000, base.timing().nanosPerByte());
        int jtag = base.jtagVersion();
        int swimOrMsc = base.swimOrMsc();
        int bridge = base.bridgeVersion();
        if (spec.firmware() != null) {
            Matcher m = FIRMWARE.matcher(spec.firmware());
            if (!m.matches() || Integer.parseInt(m.group(1)) != base.model().hardwareVersion()) {
                throw new ProbeException("probe " + spec.serial() + " has firmware '" + spec.firmware()
                        + "'; a " + spec.kind() + " has firmware like " + firmwareOf(base));
            }
            jtag = Integer.parseInt(m.group(2));
            swimOrMsc = Integer.parseInt(m.group(3));
            bridge = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        }
        return new StlinkConfig(base.model(), jtag, swimOrMsc, bridge, base.serialNumber(),
                spec.boardId() == null ? base.boardId() : spec.boardId(), base.targetMillivolts(), base.stm32Only(),
                timing);
    }

    /** The display form of a configuration's firmware: V2J37S7, V2J37M26, V3J7M3B2. */
    static String firmwareOf(StlinkConfig config) {
        String s = config.model().hasMassStorage() ? "M" : "S";
        return "V" + config.model().hardwareVersion() + "J" + config.jtagVersion() + s + config.swimOrMsc()
                + (config.model().isV3() ? "B" + config.bridgeVersion() : "");
    }

    @Override
    long maxSwdClockHz() {
        return device.config().model().isV3() ? V3_MAX_SWD_HZ : V2_MAX_SWD_HZ;
    }

    @Override
    List<BenchTransport> benchTransports() {
        long floor = minimumRoundTrips();
        return List.of(new BenchTransport("USB bulk", device.config().model().packetSize(), Map.of(), floor, floor));
    }

    /** Memory commands of at most 6144 bytes for 64 KiB, each followed by its status: 22. */
    static long minimumRoundTrips() {
        long commands = (ProbeBench.TOTAL_BYTES + MAX_WORD_BYTES - 1) / MAX_WORD_BYTES;
        return COMMANDS_PER_TRANSFER * commands;
    }
}
