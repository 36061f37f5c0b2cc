package io.probehost.run.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.probehost.api.ProbeException;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.FaultCatch;
import io.probehost.api.host.DebugSession;
import io.probehost.api.target.MemoryRegion;
import io.probehost.api.target.TargetDescription;
import io.probehost.api.text.Numbers;
import io.probehost.command.CommandConsole;
import io.probehost.command.CommandFailure;
import io.probehost.command.CommandLine;
import io.probehost.command.CommandSessions;
import io.probehost.command.CommandSyntax;
import io.probehost.flash.format.debug.DebugInfo;
import io.probehost.rtt.RttDecoderProvider;
import io.probehost.rtt.RttLocator;
import io.probehost.rtt.RttStreamDecoder;
import io.probehost.rtt.RttStreamDecoders;
import io.probehost.rtt.RttTracker;

/**
 * {@code run FILE}: what probe-rs's {@code run} does. Flashes the ELF file (unchanged sectors
 * skipped), resets the core, lets it run and prints its RTT log live (defmt when a
 * {@link RttDecoderProvider} claims the ELF, text otherwise) and its semihosting output, until the
 * firmware stops: a semihosting exit ends the command with the firmware's exit code; a halt for any
 * other reason (a caught fault, a breakpoint) prints the reason and the symbolized stack trace and
 * fails; {@code --for SECONDS} ends it with 0; Ctrl-C stops it cleanly.
 */
@Component(service = RunCommand.class, property = {"osgi.command.scope=run", "osgi.command.function=run"})
public final class RunCommand {
    static final String RUN = "run " + CommandSyntax.PROBE
            + " [-t TARGET] [--no-flash] [--catch-hardfault] [--no-catch-hardfault] [--for SECONDS] FILE";
    private static final Duration HALT_TIMEOUT = Duration.ofSeconds(2);
    /** How long a stopping runtime waits for a run to restore the core (one poll and the catch's undo). */
    private static final long STOP_WAIT_MILLIS = 2000;

    private final CommandSessions sessions;
    /** Stream encodings offered by other bundles (defmt), chosen by the ELF. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<RttDecoderProvider> decoders = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;
    private final Object runs = new Object();
    private int running;

    private final BundleContext context;

    @Activate
    public RunCommand(@Reference CommandSessions sessions, BundleContext context) {
        this.sessions = sessions;
        this.context = context;
    }

    /** Whether the runtime is stopping (Ctrl-C): probes and sessions may already be gone. */
    private boolean runtimeStopping() {
        return stopping || context.getBundle(Constants.SYSTEM_BUNDLE_ID).getState() == Bundle.STOPPING;
    }

    /**
     * The runtime stops (Ctrl-C in a one-shot run): a run in progress ends its loop and takes its fault
     * catch away; this waits for that, a little, before the sessions close.
     */
    @Deactivate
    void deactivate() throws InterruptedException {
        stopping = true;
        long end = System.currentTimeMillis() + STOP_WAIT_MILLIS;
        synchronized (runs) {
            while (running > 0 && System.currentTimeMillis() < end) {
                runs.wait(Math.max(1, end - System.currentTimeMillis()));
            }
        }
    }

    @Descriptor("flash an ELF file (unchanged sectors skipped), reset, print its RTT log (defmt or text) and "
            + "semihosting output live, and stop with the firmware: its semihosting exit code, or non-zero with "
            + "the halt reason and stack trace on a fault or breakpoint (HardFaults caught unless "
            + "--no-catch-hardfault); --no-flash: run what the flash holds; --for: stop after SECONDS (status 0)")
    public Object run(CommandSession shell, @Descriptor(RUN) String... args) {
        return CommandSyntax.of(RUN).run(args, line -> {
            if (line.flag("--catch-hardfault") && line.flag("--no-catch-hardfault")) {
                throw line.usageError("--catch-hardfault and --no-catch-hardfault exclude each other");
            }
            Path file = CommandConsole.file(shell, line.argument(0));
            DebugInfo info = DebugInfo.read(file);
            long deadline = deadline(line);
            PrintStream out = CommandConsole.out(shell);
            DebugSession session = sessions.session(line);
            if (!line.flag("--no-flash")) {
                out.println(FirmwareFlasher.flash(session, file));
                out.flush();
            }
            FirmwareRunner.Result result = run(session, info, elfDecoder(file), !line.flag("--no-catch-hardfault"),
                    deadline, out, file);
            if (result.failure()) {
                throw new CommandFailure(result.summary());
            }
            CommandConsole.exitStatus(shell, result.exitCode());
            return result.summary();
        });
    }

    private FirmwareRunner.Result run(DebugSession session, DebugInfo info, RttStreamDecoder decoder,
            boolean catchFaults, long deadline, PrintStream out, Path file) {
        DebugTarget target = session.target();
        synchronized (runs) {
            running++;
        }
        Optional<FaultCatch.Armed> faultCatch = Optional.empty();
        try {
            faultCatch = new FirmwareStart(target, info, HALT_TIMEOUT).resetToMain(catchFaults);
            OptionalLong symbol = info.symbols().address(RttLocator.SYMBOL);
            Optional<RttTracker> rtt = symbol.isPresent()
                    ? Optional.of(new RttTracker(target.memory(), symbol, regions(session)))
                    : Optional.empty();
            out.println("Running " + file.getFileName() + (rtt.isPresent() ? " (RTT channel 0)" : "")
                    + "; Ctrl-C stops");
            out.flush();
            target.core().resume();
            return new FirmwareRunner(target, info, rtt, decoder, faultCatch, out).watch(deadline,
                    () -> runtimeStopping() || Thread.currentThread().isInterrupted());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FirmwareRunner.STOPPED;
        } catch (ProbeException e) {
            if (runtimeStopping()) {
                return FirmwareRunner.STOPPED;
            }
            throw e;
        } finally {
            faultCatch.ifPresent(FirmwareStart::disarm);
            synchronized (runs) {
                running--;
                runs.notifyAll();
            }
        }
    }

    private RttStreamDecoder elfDecoder(Path file) {
        return RttStreamDecoders.choose(List.copyOf(decoders), Optional.of(file));
    }

    /** The end of {@code --for SECONDS} on the nanoTime clock; without it, practically never. */
    private static long deadline(CommandLine line) {
        long now = System.nanoTime();
        return line.option("--for").map(s -> now + Numbers.parse(s, "seconds") * 1_000_000_000L)
                .orElse(now + Long.MAX_VALUE / 2);
    }

    private static List<MemoryRegion> regions(DebugSession session) {
        return session.targetDescription().map(TargetDescription::memoryMap).orElse(List.of());
    }
}
