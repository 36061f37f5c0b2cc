package io.probehost.sim.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import io.probehost.api.ProbeException;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.host.DebugSession;
import io.probehost.api.host.SessionManager;
import io.probehost.api.host.SessionRequest;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.WireProtocol;
import io.probehost.sim.probe.cmsisdap.LinkStats;

/**
 * Moves 64 KiB through a lab probe's MEM-AP, in and out of the virtual target's RAM, through the
 * real driver and debug stack, and reads what the probe's link model counted. Each probe kind names
 * its transports and the floor each is judged by ({@link LabProbe#benchTransports()}): the fewest
 * round trips its protocol's packet limits allow for the 64 KiB.
 */
final class ProbeBench {
    static final int TOTAL_BYTES = 64 * 1024;
    static final int RAM_BASE = 0x2000_0000;
    static final int RAM_CHUNK = 16 * 1024;

    /** Round trips to move {@link #TOTAL_BYTES} {@code wordsPerTrip} words at a time: ceil(words / wordsPerTrip). */
    static long tripsForWords(long wordsPerTrip) {
        long words = TOTAL_BYTES / 4;
        return (words + wordsPerTrip - 1) / wordsPerTrip;
    }

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

    /** The bench of lab probe {@code probe}, which a driver lists as {@code description}. */
    ProbeBench(Lab.Probe probe, ProbeDescription description, SessionManager sessions) {
        this.probe = probe;
        this.sessions = sessions;
        this.description = description;
    }

    /** Both directions over {@code transport}, with session options ({@code frequency}...) beside its own. */
    Result[] run(BenchTransport transport, Map<String, String> sessionOptions) {
        Map<String, String> options = new LinkedHashMap<>(sessionOptions);
        options.putAll(transport.sessionOptions());
        DebugSession session = sessions.connect(new SessionRequest(description, options, Optional.empty(),
                Optional.of(WireProtocol.SWD), 0));
        try {
            session.target().core().halt(Duration.ofSeconds(2));
            MemoryInterface memory = session.target().memory();
            byte[] pattern = new byte[RAM_CHUNK];
            new Random(64).nextBytes(pattern);
            LabProbe emulator = probe.emulator();

            emulator.resetLink();
            for (int done = 0; done < TOTAL_BYTES; done += RAM_CHUNK) {
                memory.write(RAM_BASE, pattern);
            }
            memory.flush();
            LinkStats writes = emulator.linkStats();

            emulator.resetLink();
            for (int done = 0; done < TOTAL_BYTES; done += RAM_CHUNK) {
                byte[] back = memory.read(RAM_BASE, RAM_CHUNK);
                if (!Arrays.equals(pattern, back)) {
                    throw new ProbeException("bench: RAM read back differs from what was written over "
                            + transport.name());
                }
            }
            LinkStats reads = emulator.linkStats();
            return new Result[] {
                new Result(transport.name(), "write", transport.packetSize(), writes, transport.writeFloor()),
                new Result(transport.name(), "read", transport.packetSize(), reads, transport.readFloor())};
        } finally {
            sessions.disconnect();
        }
    }
}
