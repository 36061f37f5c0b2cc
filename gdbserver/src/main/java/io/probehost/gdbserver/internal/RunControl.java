package io.probehost.gdbserver.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.probehost.api.debug.BreakpointKind;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.HaltReason;
import io.probehost.api.debug.Watchpoint;
import io.probehost.api.debug.WatchpointKind;

/**
 * Run control as GDB asks for it: continue until the core halts or gdb sends Ctrl-C, single
 * steps, the stop reply that reports why the core stopped (with the watched address after a
 * watchpoint), and the {@code Z}/{@code z} breakpoints and watchpoints, which it remembers so that
 * a connection that ends without removing them leaves none behind.
 */
final class RunControl {
    static final Duration HALT_TIMEOUT = Duration.ofSeconds(1);
    private static final int FIRST_POLL_MILLIS = 1;
    private static final int LONGEST_POLL_MILLIS = 16;

    private final DebugTarget target;
    private final RegisterLayout layout;
    private final RegisterCache registers;
    private final List<Long> breakpoints = new ArrayList<>();
    private final List<Long> watchpoints = new ArrayList<>();

    RunControl(DebugTarget target, RegisterLayout layout, RegisterCache registers) {
        this.target = target;
        this.layout = layout;
        this.registers = registers;
    }

    /** Halts the core if it runs, as GDB expects of a target it attaches to. */
    void haltIfRunning() {
        if (!target.core().isHalted()) {
            target.core().halt(HALT_TIMEOUT);
        }
    }

    /**
     * Lets the core run until it halts or gdb interrupts it; returns the stop reply.
     *
     * @throws IOException when gdb goes away meanwhile (the core keeps running)
     */
    String resume(PacketChannel channel) throws IOException {
        CoreControl core = target.core();
        registers.forget();
        core.resume();
        int poll = FIRST_POLL_MILLIS;
        while (!core.isHalted()) {
            if (channel.awaitInterrupt(poll)) {
                if (!core.isHalted()) {
                    core.halt(HALT_TIMEOUT);
                    return stopReply(Optional.of(StopSignal.SIGINT), Optional.empty());
                }
                break;
            }
            poll = Math.min(poll * 2, LONGEST_POLL_MILLIS);
        }
        return stopReply();
    }

    /**
     * One instruction; returns the stop reply. Without a watchpoint set, a step stops for no other
     * reason than the step, so the halt reason is not read: a stepi costs the probe the step and the
     * registers GDB reads at a stop, no more.
     */
    String step() {
        registers.forget();
        target.core().step();
        return stopReply(Optional.empty(), watchpoints.isEmpty() ? Optional.of(HaltReason.STEP) : Optional.empty());
    }

    /** The stop reply for why the core halted ({@link StopSignal}). */
    String stopReply() {
        return stopReply(Optional.empty(), Optional.empty());
    }

    /**
     * {@code T}: the signal ({@code signal}, or the one for the halt reason, which is read unless
     * {@code known}), the registers GDB reads
     * at every stop (read in one batch and kept, so that gdb needs no {@code g} or {@code p} after a
     * step), the thread, and the watched address after a watchpoint.
     */
    private String stopReply(Optional<Integer> signal, Optional<HaltReason> known) {
        HaltReason reason = known.or(() -> target.core().haltReason()).orElse(HaltReason.UNKNOWN);
        List<RegisterLayout.Entry> entries = layout.stopEntries();
        long[] values = registers.read(entries);
        int number = signal.orElseGet(() -> StopSignal.of(reason, layout, registers));
        StringBuilder reply = new StringBuilder(String.format("T%02x", number));
        for (int i = 0; i < values.length; i++) {
            RegisterLayout.Entry entry = entries.get(i);
            reply.append(String.format("%x:", entry.number())).append(Rsp.hexLittleEndian(values[i], entry.bytes()))
                    .append(';');
        }
        reply.append("thread:1;");
        if (reason == HaltReason.WATCHPOINT) {
            watchHit().ifPresent(hit -> reply.append(String.format("%s:%x;", watchWord(hit.kind()), hit.address())));
        }
        return reply.toString();
    }

    /**
     * The watchpoint that halted the core: the interface does not say which comparator matched, so
     * the one GDB set last is named (GDB then checks the value itself).
     */
    private Optional<Watchpoint> watchHit() {
        List<Watchpoint> set = target.watchpoints().watchpoints();
        for (int i = watchpoints.size() - 1; i >= 0; i--) {
            long address = watchpoints.get(i);
            Optional<Watchpoint> match = set.stream().filter(w -> w.address() == address).findFirst();
            if (match.isPresent()) {
                return match;
            }
        }
        return set.stream().findFirst();
    }

    static String watchWord(WatchpointKind kind) {
        return switch (kind) {
            case WRITE -> "watch";
            case READ -> "rwatch";
            case ACCESS -> "awatch";
        };
    }

    /**
     * {@code Z}type{@code ,}addr{@code ,}kind: 0 software (hardware where the code is in flash), 1
     * hardware breakpoint, 2 write, 3 read, 4 access watchpoint.
     */
    void insert(int type, long address, int length) {
        switch (type) {
            case 0, 1 -> {
                target.breakpoints().addBreakpoint(address, type == 0 ? BreakpointKind.AUTO : BreakpointKind.HARDWARE);
                breakpoints.add(address);
            }
            case 2, 3, 4 -> {
                target.watchpoints().addWatchpoint(address, length, watchKind(type));
                watchpoints.add(address);
            }
            default -> throw new RspException("no breakpoint type " + type);
        }
    }

    void remove(int type, long address) {
        if (type <= 1) {
            target.breakpoints().removeBreakpoint(address);
            breakpoints.remove(address);
        } else if (type <= 4) {
            target.watchpoints().removeWatchpoint(address);
            watchpoints.remove(address);
        } else {
            throw new RspException("no breakpoint type " + type);
        }
    }

    static WatchpointKind watchKind(int type) {
        return type == 2 ? WatchpointKind.WRITE : type == 3 ? WatchpointKind.READ : WatchpointKind.ACCESS;
    }

    /** Removes every breakpoint and watchpoint this connection set and did not remove. */
    void removeAll() {
        for (long address : List.copyOf(breakpoints)) {
            target.breakpoints().removeBreakpoint(address);
        }
        for (long address : List.copyOf(watchpoints)) {
            target.watchpoints().removeWatchpoint(address);
        }
        breakpoints.clear();
        watchpoints.clear();
    }
}
