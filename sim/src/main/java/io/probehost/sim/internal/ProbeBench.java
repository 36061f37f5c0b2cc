package io.probehost.sim.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import io.probehost.api.ProbeException;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.host.DebugSession;
import io.probehost.api.host.ProbeRegistry;
import io.probehost.api.host.SessionManager;
import io.probehost.api.host.SessionRequest;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.WireProtocol;
import io.probehost.sim.probe.cmsisdap.CmsisDapConfig;
import io.probehost.sim.probe.cmsisdap.LinkStats;

/**
 * Moves 64 KiB through a lab probe's MEM-AP, in and out of the virtual target's RAM, through the
 * real driver and debug stack, and reads what the probe's link model counted. The floor is a true
 * lower bound for a continuous stream: the data words alone, packed as tightly as a DAP_TransferBlock
 * packet of the probe's packet size allows, {@code ceil(words / wordsPerPacket)}, where a packet
 * carries {@code (packetSize - 5) / 4} words out (ID, DAP index, count and request byte before the
 * data) and {@code (packetSize - 4) / 4} words back (ID, count and response byte). It ignores the
 * TAR writes, CSW and SELECT, and the 1 KiB TAR blocks: a driver that streams blocks through
 * DAP_ExecuteCommands comes close to it, but never below it.
 */
final class ProbeBench {
    static final int TOTAL_BYTES = 64 * 1024;
    static final int RAM_BASE = 0x2000_0000;
    static final int RAM_CHUNK = 16 * 1024;
    /** DAP_TransferBlock request bytes before the written words: ID, DAP index, count (2), request. */
    static final int WRITE_HEADER_BYTES = 5;
    /** DAP_TransferBlock reply bytes before the read words: ID, count (2), response. */
    static final int READ_HEADER_BYTES = 4;

    /** What one direction over one transport measured. */
    record Result(String transport, String direction, int packetSize, LinkStats stats, long minimumRoundTrips) {

        double modelledKiBPerSecond() {
            return stats.modelledNanos() == 0 ? 0 : (TOTAL_BYTES / 1024.0) / (stats.modelledNanos() / 1e9);
        }

        double overMinimumPercent() {
            return 100.0 * (stats.roundTrips() - minimumRoundTrips) / minimumRoundTrips;
        }
    }

    private final Lab.Probe probe;
    private final ProbeDescription description;
    private final SessionManager sessions;

    ProbeBench(Lab.Probe probe, ProbeRegistry registry, SessionManager sessions) {
        this.probe = probe;
        this.sessions = sessions;
        this.description = registry.probes().probes().stream()
                .filter(p -> p.uniqueId().equalsIgnoreCase(probe.serial())).findFirst()
                .orElseThrow(() -> new ProbeException("no driver lists lab probe " + probe.serial()));
    }

    Result[] run(boolean v1) {
        return run(v1, Map.of());
    }

    /** As {@link #run(boolean)}, with session options ({@code frequency}...) on top of the transport choice. */
    Result[] run(boolean v1, Map<String, String> sessionOptions) {
        Map<String, String> options = new java.util.LinkedHashMap<>(sessionOptions);
        options.put("cmsis_dap.prefer_v1", Boolean.toString(v1));
        DebugSession session = sessions.connect(new SessionRequest(description, options, Optional.empty(),
                Optional.of(WireProtocol.SWD), 0));
        try {
            session.target().core().halt(Duration.ofSeconds(2));
            MemoryInterface memory = session.target().memory();
            byte[] pattern = new byte[RAM_CHUNK];
            new Random(64).nextBytes(pattern);
            int packetSize = v1 ? CmsisDapConfig.HID_PACKET_SIZE : CmsisDapConfig.BULK_PACKET_SIZE;
            String transport = v1 ? "v1 HID" : "v2 bulk";

            probe.device().link().reset();
            for (int done = 0; done < TOTAL_BYTES; done += RAM_CHUNK) {
                memory.write(RAM_BASE, pattern);
            }
            memory.flush();
            LinkStats writes = probe.device().link().snapshot();

            probe.device().link().reset();
            for (int done = 0; done < TOTAL_BYTES; done += RAM_CHUNK) {
                byte[] back = memory.read(RAM_BASE, RAM_CHUNK);
                if (!Arrays.equals(pattern, back)) {
                    throw new ProbeException("bench: RAM read back differs from what was written over " + transport);
                }
            }
            LinkStats reads = probe.device().link().snapshot();
            return new Result[] {
                new Result(transport, "write", packetSize, writes, minimumPackets(packetSize, WRITE_HEADER_BYTES)),
                new Result(transport, "read", packetSize, reads, minimumPackets(packetSize, READ_HEADER_BYTES))};
        } finally {
            sessions.disconnect();
        }
    }

    /** Packets for the data words alone, as one continuous stream: ceil(words / words per packet). */
    static long minimumPackets(int packetSize, int headerBytes) {
        long wordsPerPacket = (packetSize - headerBytes) / 4;
        long words = TOTAL_BYTES / 4;
        return (words + wordsPerPacket - 1) / wordsPerPacket;
    }
}
