package io.probehost.sim.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.probehost.api.ProbeException;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.debug.ResetType;
import io.probehost.api.host.DebugSession;
import io.probehost.api.host.SessionManager;
import io.probehost.api.host.SessionRequest;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.WireProtocol;
import io.probehost.flash.format.FirmwareImage;
import io.probehost.flash.format.FirmwareImageReader;
import io.probehost.flash.format.ImageSegment;
import io.probehost.flash.format.debug.SymbolTable;
import io.probehost.flash.format.debug.DebugInfo;
import io.probehost.rtt.RttClient;
import io.probehost.rtt.RttLocator;
import io.probehost.rtt.RttPolling;
import io.probehost.rtt.RttTracker;
import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.ChipBase;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.mcu.nrf51.Nrf51822;
import io.probehost.sim.probe.cmsisdap.LinkStats;

/**
 * Streams examples/rtt-bench.c's log from a lab target through a lab probe's real driver with the
 * rtt bundle's client, as {@code rtt:attach} does, and measures it on the target's virtual clock:
 * the probe's read bandwidth (64 KiB of RAM in 16 KiB reads, as {@code probe:bench}), then a busy log
 * in block mode and in skip mode (bytes per second, lost bytes) and two paced logs in skip mode, a line
 * every 3 ms and a line every 50 ms (latency from the firmware's timestamp to the read that brought the
 * line). The core runs
 * in lockstep with the link only; an empty poll lets {@link RttPolling#IDLE_PAUSE} of modelled time pass,
 * as {@code rtt:attach} sleeps, so every figure is modelled time and none depends on the host.
 */
final class RttBench {
    static final int BUSY_BYTES = 256 * 1024;
    static final int PACED_LINES = 200;
    static final long PACE_NANOS = 3_000_000;
    /** A quiet log: each line finds the channel idle, so its latency includes the pause after an empty poll. */
    static final int SPARSE_LINES = 20;
    static final long SPARSE_PACE_NANOS = 50_000_000;
    private static final int RAM_BASE = 0x2000_0000;
    private static final int BANDWIDTH_CHUNK = 16 * 1024;
    private static final int BANDWIDTH_BYTES = 64 * 1024;
    private static final int MODE = 0;
    private static final int FLAGS = 4;
    private static final int INTERVAL = 8;
    private static final int DROPPED = 12;
    private static final int STAMP_HZ = 16;
    private static final long START_LIMIT_NANOS = 2_000_000_000L;

    /** One way of logging: what was read, in what modelled time, what was lost, how late lines came. */
    record Phase(String name, long bytes, long nanos, long lostBytes, long droppedLines, long maxLatencyNanos,
            long meanLatencyNanos, long polls, LinkStats link) {

        double bytesPerSecond() {
            return nanos == 0 ? 0 : bytes / (nanos / 1e9);
        }
    }

    /** The probe's read bandwidth (bytes per modelled second) and the phases. */
    record Report(double readBytesPerSecond, List<Phase> phases) {
    }

    private final Lab.Probe probe;
    private final ProbeDescription description;
    private final SessionManager sessions;

    RttBench(Lab.Probe probe, ProbeDescription description, SessionManager sessions) {
        this.probe = probe;
        this.description = description;
        this.sessions = sessions;
    }

    Report run(Path elf, Map<String, String> sessionOptions) {
        SymbolTable symbols = DebugInfo.read(elf).symbols();
        long block = symbol(symbols, elf, RttLocator.SYMBOL);
        long config = symbol(symbols, elf, "bench_config");
        ChipBase mcu = probe.target().chip().arm(probe.target().name(), "rtt:bench").mcu();
        DebugSession session = sessions.connect(new SessionRequest(description, new LinkedHashMap<>(sessionOptions),
                Optional.empty(), Optional.of(WireProtocol.SWD), 0));
        mcu.setMayRunFree(false);
        try {
            MemoryInterface memory = session.target().memory();
            session.target().core().halt(Duration.ofSeconds(2));
            load(mcu, FirmwareImageReader.read(elf));
            session.target().core().resetAndHalt(ResetType.SYSRESETREQ, Duration.ofSeconds(2));
            double bandwidth = readBandwidth(memory);
            session.target().core().resume();
            Streamer streamer = new Streamer(memory, mcu, new RttTracker(memory, OptionalLong.of(block), List.of()),
                    config);
            streamer.awaitBlock();
            List<Phase> phases = new ArrayList<>();
            phases.add(streamer.phase("busy, block", 2, 1, 0, BUSY_BYTES, Integer.MAX_VALUE));
            phases.add(streamer.phase("busy, skip", 0, 1, 0, BUSY_BYTES, Integer.MAX_VALUE));
            phases.add(streamer.phase("a line every 3 ms, skip", 0, 2, streamer.ticks(PACE_NANOS), Long.MAX_VALUE,
                    PACED_LINES));
            phases.add(streamer.phase("a line every 50 ms, skip", 0, 2, streamer.ticks(SPARSE_PACE_NANOS),
                    Long.MAX_VALUE, SPARSE_LINES));
            return new Report(bandwidth, phases);
        } finally {
            mcu.setMayRunFree(true);
            sessions.disconnect();
        }
    }

    private static long symbol(SymbolTable symbols, Path elf, String name) {
        return symbols.address(name).orElseThrow(() -> new ProbeException(elf.getFileName() + " has no " + name
                + " symbol: rtt:bench runs examples/rtt-bench.elf (micro:bit) or examples/nucleo-rtt-bench.elf"));
    }

    private static void load(ChipBase mcu, FirmwareImage image) {
        for (ImageSegment segment : image.segments()) {
            mcu.loadFlash((int) segment.address(), segment.data());
        }
    }

    /** Bytes per modelled second of 64 KiB read from RAM 16 KiB at a time, as probe:bench reads them. */
    private double readBandwidth(MemoryInterface memory) {
        probe.emulator().resetLink();
        for (int done = 0; done < BANDWIDTH_BYTES; done += BANDWIDTH_CHUNK) {
            memory.read(RAM_BASE, BANDWIDTH_CHUNK);
        }
        return BANDWIDTH_BYTES / (probe.emulator().linkStats().modelledNanos() / 1e9);
    }

    /** The streaming loop and the firmware's controls. */
    private final class Streamer {
        private final MemoryInterface memory;
        private final ChipBase mcu;
        private final VirtualClock clock;
        private final RttTracker tracker;
        private final long config;
        private long stampHz;

        Streamer(MemoryInterface memory, ChipBase mcu, RttTracker tracker, long config) {
            this.memory = memory;
            this.mcu = mcu;
            this.clock = mcu.clock();
            this.tracker = tracker;
            this.config = config;
        }

        void awaitBlock() {
            long end = clock.nowNanos() + START_LIMIT_NANOS;
            while (tracker.current().isEmpty()) {
                if (clock.nowNanos() > end) {
                    throw new ProbeException("rtt:bench: the firmware set up no RTT control block within 2 s");
                }
                idle();
            }
            stampHz = memory.read32(config + STAMP_HZ) & 0xFFFF_FFFFL;
        }

        long ticks(long nanos) {
            return nanos * stampHz / 1_000_000_000L;
        }

        Phase phase(String name, int flags, int mode, long interval, long wantBytes, long wantLines) {
            setMode(0);
            while (read().length > 0) {
                continue;
            }
            int droppedBefore = memory.read32(config + DROPPED);
            memory.write32(config + FLAGS, flags);
            memory.write32(config + INTERVAL, (int) interval);
            setMode(mode);
            long start = clock.nowNanos();
            probe.emulator().resetLink();
            RttBenchLog log = new RttBenchLog();
            long bytes = 0;
            long polls = 0;
            long latencies = 0;
            long maxLatency = 0;
            while (bytes < wantBytes && log.lines() < wantLines) {
                byte[] data = read();
                polls++;
                if (data.length == 0) {
                    idle();
                    continue;
                }
                bytes += data.length;
                long seen = hostStamp();
                for (RttBenchLog.Line line : log.accept(data)) {
                    long latency = ((seen - line.stamp()) & 0xFFFF_FFFFL) * 1_000_000_000L / stampHz;
                    latencies += latency;
                    maxLatency = Math.max(maxLatency, latency);
                }
            }
            long nanos = clock.nowNanos() - start;
            LinkStats link = probe.emulator().linkStats();
            tracker.handBack();
            setMode(0);
            long dropped = (memory.read32(config + DROPPED) - droppedBefore) & 0xFFFF_FFFFL;
            return new Phase(name, bytes, nanos, log.lostBytes(), dropped, maxLatency,
                    log.lines() == 0 ? 0 : latencies / log.lines(), polls, link);
        }

        private void setMode(int mode) {
            memory.write32(config + MODE, mode);
            memory.flush();
        }

        private byte[] read() {
            Optional<RttClient> client = tracker.current();
            if (client.isEmpty()) {
                throw new ProbeException("rtt:bench: the RTT control block went away");
            }
            return client.get().poll(0);
        }

        /** The host's pause after an empty poll, in modelled time: the core runs through it. */
        private void idle() {
            clock.elapse(RttPolling.IDLE_PAUSE.toNanos());
        }

        /** The firmware's timestamp counter now, read behind the link's back (no modelled time). */
        private long hostStamp() {
            try {
                if (mcu instanceof Nrf51822) {
                    mcu.debugBus().write(TIMER0_CAPTURE1, AccessSize.WORD, 1);
                    return mcu.debugBus().read(TIMER0_CC1, AccessSize.WORD) & 0xFFFF_FFFFL;
                }
                return mcu.debugBus().read(DWT_CYCCNT, AccessSize.WORD) & 0xFFFF_FFFFL;
            } catch (BusFault e) {
                throw new ProbeException("rtt:bench: cannot read the target's timestamp counter: " + e.getMessage());
            }
        }
    }

    private static final int TIMER0_CAPTURE1 = 0x4000_8044;
    private static final int TIMER0_CC1 = 0x4000_8544;
    private static final int DWT_CYCCNT = 0xE000_1004;
}
