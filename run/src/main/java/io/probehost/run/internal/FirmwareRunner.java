package io.probehost.run.internal;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.FaultCatch;
import io.probehost.api.debug.HaltReason;
import io.probehost.api.debug.Semihosting;
import io.probehost.api.debug.SemihostingCall;
import io.probehost.command.backtrace.TargetBacktrace;
import io.probehost.flash.format.debug.DebugInfo;
import io.probehost.rtt.RttClient;
import io.probehost.rtt.RttPolling;
import io.probehost.rtt.RttStreamDecoder;
import io.probehost.rtt.RttTracker;

/**
 * Watches running firmware until it stops: prints what its RTT up channel 0 logs, serves its
 * semihosting calls, and ends when the firmware exits through semihosting, when the core halts for
 * any other reason (a caught fault, a breakpoint: the reason and the stack trace are printed), at the
 * deadline, or when asked to stop. Between polls of an idle channel it pauses as {@link RttPolling} says.
 */
final class FirmwareRunner {
    static final long IDLE_POLL_MILLIS = RttPolling.IDLE_PAUSE.toMillis();
    /** How a run that was stopped (--for, Ctrl-C) ends: with status 0. */
    static final Result STOPPED = new Result(0, "Stopped; the firmware runs on", false);
    private static final int CHANNEL = 0;
    private static final int DRAIN_ROUNDS = 64;

    /** How the run ended: the process exit status, a line for the user, and whether it is a failure. */
    record Result(int exitCode, String summary, boolean failure) {
    }

    private final DebugTarget target;
    private final DebugInfo info;
    private final Optional<RttTracker> rtt;
    private final RttStreamDecoder decoder;
    private final Optional<Semihosting> semihosting;
    private final SemihostingHost host;
    private final Optional<FaultCatch.Armed> faultCatch;
    private final PrintStream out;

    FirmwareRunner(DebugTarget target, DebugInfo info, Optional<RttTracker> rtt, RttStreamDecoder decoder,
            Optional<FaultCatch.Armed> faultCatch, PrintStream out) {
        this.target = target;
        this.info = info;
        this.rtt = rtt;
        this.decoder = decoder;
        this.semihosting = target.capability(Semihosting.class);
        this.host = semihosting.map(s -> new SemihostingHost(s, target.memory(), out)).orElse(null);
        this.faultCatch = faultCatch;
        this.out = out;
    }

    /** Runs until the firmware stops, {@code deadlineNanos} (on the nanoTime clock) passes or {@code stop} says so. */
    Result watch(long deadlineNanos, BooleanSupplier stop) throws InterruptedException {
        CoreControl core = target.core();
        while (true) {
            boolean logged = pollRtt();
            if (core.isHalted()) {
                Optional<SemihostingCall> call = semihosting.flatMap(Semihosting::pendingCall);
                if (call.isEmpty()) {
                    return halted(core);
                }
                if (host.perform(call.get()) instanceof SemihostingHost.Exit exit) {
                    drainRtt();
                    return new Result(exit.code(), "Firmware exited: " + exit.reason(), false);
                }
                continue;
            }
            if (System.nanoTime() - deadlineNanos >= 0 || stop.getAsBoolean()) {
                drainRtt();
                return STOPPED;
            }
            if (!logged) {
                Thread.sleep(IDLE_POLL_MILLIS);
            }
        }
    }

    /** The core halted on its own, not for semihosting: what is left in RTT, why, where, and the stack. */
    private Result halted(CoreControl core) {
        drainRtt();
        boolean fault = faultCatch.map(FaultCatch.Armed::caught).orElse(false);
        if (fault) {
            faultCatch.get().rewindToFault();
        }
        HaltReason reason = core.haltReason().orElse(HaltReason.UNKNOWN);
        String words = fault ? "a fault (the core took an exception)" : reason.name().toLowerCase(Locale.ROOT)
                .replace('_', ' ');
        out.println("Firmware halted on " + words + ":");
        out.println(TargetBacktrace.text(target, info));
        out.flush();
        return new Result(1, "the firmware halted on " + (fault ? "a fault" : words), true);
    }

    /** Prints what channel 0 holds now; true if it held something. */
    private boolean pollRtt() {
        Optional<RttClient> client = rtt.flatMap(RttTracker::current);
        if (client.isEmpty()) {
            return false;
        }
        byte[] data = client.get().pollUnlessGone(CHANNEL);
        out.print(decoder.decode(data, 0, data.length));
        out.flush();
        return data.length > 0;
    }

    /** Reads channel 0 until it is empty (a few rounds at most: running firmware may log on), then what the decoder holds. */
    private void drainRtt() {
        for (int round = 0; round < DRAIN_ROUNDS && pollRtt(); round++) {
            continue;
        }
        rtt.ifPresent(RttTracker::handBack);
        out.print(decoder.finish());
        out.flush();
    }
}
