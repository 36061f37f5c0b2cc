package io.probehost.sim.internal;

import java.util.List;
import java.util.Map;

import io.probehost.api.ProbeException;
import io.probehost.sim.probe.jlink.JlinkConfig;
import io.probehost.sim.probe.jlink.JlinkProbe;
import io.probehost.sim.probe.stlink.StlinkLinkTiming;

/**
 * A J-Link emulator in the lab, a high-speed probe paying the lab's high-speed round trip per request.
 *
 * <p>Its bench floor follows from the protocol's limits (jlink-usb.md, sections 2 and 4): memory moves
 * as SWD transfers inside HW_JTAG3 requests, one USB round trip each; a request of {@code n} clocks
 * carries a direction and an output vector of {@code ceil(n / 8)} bytes after its 4-byte header and must
 * fit in the probe's free memory (GET_MAX_MEM_BLOCK), so it clocks at most
 * {@code min(65535, (maxMemBlock - 4) / 2 * 8)} bits; every SWD data transfer, read or write, takes at
 * least {@value #CLOCKS_PER_TRANSFER} clocks (8 request, turnaround, 3 ACK, 32 data and parity,
 * turnaround) with no idle clocks. So 64 KiB take at least {@code ceil(16384 / (maxBits / 46))}
 * requests in either direction: 12 for a V11's 16 KiB buffer. It ignores the TAR, CSW and SELECT
 * writes and the posted read's RDBUFF: a driver comes close to it, never below it.
 */
final class JlinkLabProbe extends LabProbe {
    /** Request, turnaround, ACK, data, parity and the second turnaround of one SWD transfer. */
    static final int CLOCKS_PER_TRANSFER = 46;
    /** The HW_JTAG3 request bytes before its vectors: command, dummy, bit count (2). */
    static final int REQUEST_HEADER_BYTES = 4;
    /** The largest bit count a request's 16-bit field holds. */
    static final int MAX_FIELD_BITS = 65535;

    private final JlinkProbe device;

    /** A probe of {@code config} in front of {@code target}, with the lab's high-speed round trip. */
    JlinkLabProbe(JlinkConfig config, Lab.Target target, LabConfig.Link link) {
        this(new JlinkProbe(config.withTiming(new StlinkLinkTiming(link.bulkRoundTripMicros() * 1000,
                config.timing().nanosPerByte())), target.chip().pins(), target.chip().clock()));
    }

    private JlinkLabProbe(JlinkProbe device) {
        super(device, device::isPlugged, device.link()::snapshot, device.link()::reset, device::close);
        this.device = device;
    }

    /** A J-Link V11 whose USB serial is {@code serial}: up to 12 decimal digits, as SEGGER numbers them. */
    static JlinkConfig v11(String serial) {
        if (serial == null || !serial.matches("\\d{1,12}")) {
            throw new ProbeException("probe " + serial + ": a jlink's serial is its decimal serial number, up to 12 "
                    + "digits, such as 000261012345");
        }
        return JlinkConfig.v11(Long.parseLong(serial));
    }

    /** GET_SPEEDS' base frequency over its minimum divider. */
    @Override
    long maxSwdClockHz() {
        return device.config().baseFrequencyHz() / device.config().minDivider();
    }

    @Override
    List<BenchTransport> benchTransports() {
        long floor = minimumRoundTrips(device.config().maxMemBlock());
        return List.of(new BenchTransport("USB bulk", device.config().model().packetSize(), Map.of(), floor, floor));
    }

    /** HW_JTAG3 requests for 64 KiB of SWD data transfers when each fits in {@code maxMemBlock} bytes. */
    static long minimumRoundTrips(int maxMemBlock) {
        long maxBits = Math.min(MAX_FIELD_BITS, (maxMemBlock - REQUEST_HEADER_BYTES) / 2 * 8L);
        return ProbeBench.tripsForWords(maxBits / CLOCKS_PER_TRANSFER);
    }
}
