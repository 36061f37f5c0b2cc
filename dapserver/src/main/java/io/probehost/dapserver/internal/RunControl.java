package io.probehost.dapserver.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;

import io.probehost.api.debug.BreakpointKind;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.HaltReason;
import io.probehost.command.CommandFailure;

/**
 * Runs and stops the core for the client: {@code continue} lets it run and a poll on the adapter's
 * worker thread reports the {@code stopped} event when it halts (at a breakpoint, after a pause, at a
 * run to a return address); source steps go instruction by instruction until a new statement
 * starts, and run over a call to its return address ({@link SourceStep}). Everything runs on the
 * adapter's single worker thread, so the target sees one request at a time.
 */
final class RunControl {
    static final Duration HALT_TIMEOUT = Duration.ofSeconds(1);
    static final int THREAD_ID = 1;
    private static final long POLL_MILLIS = 10;

    private final DebugTarget target;
    private final Breakpoints breakpoints;
    private final ScheduledExecutorService worker;
    private final Consumer<StoppedEventArguments> stopped;
    private ScheduledFuture<?> poll;
    private OptionalLong temporary = OptionalLong.empty();
    private boolean pauseRequested;

    RunControl(DebugTarget target, Breakpoints breakpoints, ScheduledExecutorService worker,
            Consumer<StoppedEventArguments> stopped) {
        this.target = target;
        this.breakpoints = breakpoints;
        this.worker = worker;
        this.stopped = stopped;
    }

    CoreControl core() {
        return target.core();
    }

    boolean isRunning() {
        return poll != null;
    }

    /** Lets the core run; {@code until}: a return address to stop at (then reported as a step). */
    void resume(OptionalLong until) {
        if (isRunning()) {
            return;
        }
        until.ifPresent(address -> {
            if (breakpoints.at(address).isEmpty()) {
                target.breakpoints().addBreakpoint(address, BreakpointKind.AUTO);
                temporary = until;
            }
        });
        target.core().resume();
        watch();
    }

    /** Reports the core's next halt; for a core found running (attach). */
    void watch() {
        pauseRequested = false;
        poll = worker.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** {@code pause}: halts a running core; the poll reports it. */
    void pause() {
        if (!isRunning()) {
            return;
        }
        pauseRequested = true;
        if (!target.core().isHalted()) {
            target.core().halt(HALT_TIMEOUT);
        }
        poll();
    }

    /** Stops watching (disconnect) and takes off a temporary breakpoint. */
    void stopWatching() {
        if (poll != null) {
            poll.cancel(false);
            poll = null;
        }
        removeTemporary();
    }

    /** Reports the halt once the core has halted; a target that fails meanwhile (probe gone) ends the run as an exception stop. */
    private void poll() {
        try {
            if (poll == null || !target.core().isHalted()) {
                return;
            }
        } catch (RuntimeException e) {
            poll.cancel(false);
            poll = null;
            temporary = OptionalLong.empty();
            StoppedEventArguments event = new StoppedEventArguments();
            event.setReason(StoppedEventArgumentsReason.EXCEPTION);
            event.setThreadId(THREAD_ID);
            event.setAllThreadsStopped(true);
            event.setText(CommandFailure.oneLine(e));
            stopped.accept(event);
            return;
        }
        poll.cancel(false);
        poll = null;
        long pc = programCounter();
        boolean returned = temporary.isPresent() && temporary.getAsLong() == pc;
        removeTemporary();
        Optional<Breakpoint> hit = breakpoints.at(pc);
        if (hit.isPresent()) {
            report(StoppedEventArgumentsReason.BREAKPOINT, hit.get().getId());
        } else if (returned) {
            report(StoppedEventArgumentsReason.STEP, null);
        } else {
            report(reason(target.core().haltReason().orElse(HaltReason.UNKNOWN)), null);
        }
    }

    private String reason(HaltReason halt) {
        if (pauseRequested) {
            return StoppedEventArgumentsReason.PAUSE;
        }
        return switch (halt) {
            case BREAKPOINT -> StoppedEventArgumentsReason.BREAKPOINT;
            case WATCHPOINT -> StoppedEventArgumentsReason.DATA_BREAKPOINT;
            case STEP -> StoppedEventArgumentsReason.STEP;
            case VECTOR_CATCH -> StoppedEventArgumentsReason.EXCEPTION;
            default -> StoppedEventArgumentsReason.PAUSE;
        };
    }

    /** Sends {@code stopped} for the one thread. */
    void report(String reason, Integer breakpointId) {
        StoppedEventArguments event = new StoppedEventArguments();
        event.setReason(reason);
        event.setThreadId(THREAD_ID);
        event.setAllThreadsStopped(true);
        if (breakpointId != null) {
            event.setHitBreakpointIds(new Integer[] {breakpointId});
        }
        stopped.accept(event);
    }

    long programCounter() {
        return target.core().register("pc").map(target.core()::readRegister)
                .orElseThrow(() -> new DapException("the core has no register named pc")) & ~1L;
    }

    private void removeTemporary() {
        temporary.ifPresent(address -> target.breakpoints().removeBreakpoint(address));
        temporary = OptionalLong.empty();
    }
}
