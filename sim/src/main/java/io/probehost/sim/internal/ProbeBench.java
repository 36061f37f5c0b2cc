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
 * real driver and debug stack, and reads what the probe's link model counted. The floor is the
 * number of DAP packets the data alone needs: every 1 KiB TAR block split into TransferBlock
 * packets of the probe's packet size.
 */
final class ProbeBench {
    static final int TOTAL_BYTES = 64 * 1024;
    static final int RAM_BASE = 0x2000_0000;
    static final int RAM_CHUNK = 16 * 1024;
    static final int TAR_BLOCK = 1024;

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
        Map<String, String> options = Map.of("cmsis_dap.prefer_v1", Boolean.toString(v1));
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
                new Result(transport, "write", packetSize, writes, minimumPackets(packetSize, 5)),
                new Result(transport, "read", packetSize, reads, minimumPackets(packetSize, 4))};
        } finally {
            sessions.disconnect();
        }
    }

    /** TransferBlock packets for the data alone: header bytes, then four bytes a word, per 1 KiB block. */
    static long minimumPackets(int packetSize, int headerBytes) {
        int wordsPerPacket = (packetSize - headerBytes) / 4;
        int wordsPerBlock = TAR_BLOCK / 4;
        long packetsPerBlock = (wordsPerBlock + wordsPerPacket - 1) / wordsPerPacket;
        return packetsPerBlock * (TOTAL_BYTES / TAR_BLOCK);
    }
}
