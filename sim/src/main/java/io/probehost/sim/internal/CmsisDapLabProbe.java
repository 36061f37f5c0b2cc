package io.probehost.sim.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.probehost.sim.probe.cmsisdap.CmsisDapConfig;
import io.probehost.sim.probe.cmsisdap.CmsisDapProbe;
import io.probehost.sim.probe.cmsisdap.FaultInjector;
import io.probehost.sim.probe.cmsisdap.LinkTiming;

/**
 * A CMSIS-DAP emulator in the lab. Its bench floor is a true lower bound for a continuous stream: the
 * data words alone, packed as tightly as a DAP_TransferBlock packet of the probe's packet size
 * allows, {@code ceil(words / wordsPerPacket)}, where a packet carries {@code (packetSize - 5) / 4}
 * words out (ID, DAP index, count and request byte before the data) and {@code (packetSize - 4) / 4}
 * words back (ID, count and response byte). It ignores the TAR writes, CSW and SELECT, and the 1 KiB
 * TAR blocks: a driver that streams blocks through DAP_ExecuteCommands comes close to it, but never
 * below it.
 */
final class CmsisDapLabProbe extends LabProbe {
    /** DAP_TransferBlock request bytes before the written words: ID, DAP index, count (2), request. */
    static final int WRITE_HEADER_BYTES = 5;
    /** DAP_TransferBlock reply bytes before the read words: ID, count (2), response. */
    static final int READ_HEADER_BYTES = 4;
    static final String PREFER_V1 = "cmsis_dap.prefer_v1";

    private final CmsisDapProbe device;

    /** A probe of {@code config} in front of {@code target}, paying the lab's round trips. */
    CmsisDapLabProbe(CmsisDapConfig config, Lab.Target target, LabConfig.Link link) {
        this(new CmsisDapProbe(config.toBuilder().linkTiming(new LinkTiming(link.hidRoundTripMicros() * 1000,
                link.bulkRoundTripMicros() * 1000)).build(), target.chip().pins(), target.chip().clock()));
    }

    private CmsisDapLabProbe(CmsisDapProbe device) {
        super(device, device::isPlugged, device.link()::snapshot, device.link()::reset, device::close);
        this.device = device;
    }

    @Override
    Optional<FaultInjector> faults() {
        return Optional.of(device.faults());
    }

    @Override
    long maxSwdClockHz() {
        return device.config().maxClockHz();
    }

    /** v2 bulk, then v1 HID when the probe has it. */
    @Override
    List<BenchTransport> benchTransports() {
        List<BenchTransport> transports = new ArrayList<>();
        transports.add(transport("v2 bulk", CmsisDapConfig.BULK_PACKET_SIZE, false));
        if (device.config().hid()) {
            transports.add(transport("v1 HID", CmsisDapConfig.HID_PACKET_SIZE, true));
        }
        return transports;
    }

    private static BenchTransport transport(String name, int packetSize, boolean v1) {
        return new BenchTransport(name, packetSize, Map.of(PREFER_V1, Boolean.toString(v1)),
                minimumPackets(packetSize, WRITE_HEADER_BYTES), minimumPackets(packetSize, READ_HEADER_BYTES));
    }

    /** Packets for the data words alone, as one continuous stream: ceil(words / words per packet). */
    static long minimumPackets(int packetSize, int headerBytes) {
        return ProbeBench.tripsForWords((packetSize - headerBytes) / 4);
    }
}
