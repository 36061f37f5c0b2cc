package io.probehost.arch.arm.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import io.probehost.api.ProbeException;
import io.probehost.api.debug.BreakpointControl;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.FaultCatch;
import io.probehost.api.debug.FaultReport;
import io.probehost.api.debug.FunctionCaller;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.debug.ResetType;
import io.probehost.api.debug.Semihosting;
import io.probehost.api.debug.TargetCapability;
import io.probehost.api.debug.TargetConnector;
import io.probehost.api.debug.WatchpointControl;
import io.probehost.api.option.OptionDescriptor;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ResetControl;
import io.probehost.api.probe.WireProtocol;
import io.probehost.api.target.CoreDescription;
import io.probehost.api.target.TargetDescription;
import io.probehost.arch.arm.ArmConnectOptions;
import io.probehost.arch.arm.ArmDebugFactory;
import io.probehost.arch.arm.CortexMTarget;

/**
 * The ARM {@link TargetConnector}: connects Cortex-M targets through {@link ArmDebugFactory}. Reads
 * the core session options {@code connect_mode} and {@code resume_on_disconnect} by name (the core
 * declares them); an unknown target (no pack) is taken to be a generic Cortex-M, as pyOCD does.
 */
@Component(service = TargetConnector.class, property = TargetConnector.ARCHITECTURE_PROPERTY + "=arm")
public final class ArmTargetConnector implements TargetConnector {
    static final OptionDescriptor<String> CONNECT_MODE =
            OptionDescriptor.of("connect_mode", String.class, "halt", "");
    static final OptionDescriptor<Boolean> RESUME_ON_DISCONNECT =
            OptionDescriptor.of("resume_on_disconnect", Boolean.class, Boolean.TRUE, "");
    private static final Duration TIMEOUT = ArmConnectOptions.defaults().timeout();
    private static final Duration RESET_PULSE = Duration.ofMillis(20);

    @Override
    public String architecture() {
        return "arm";
    }

    @Override
    public boolean supports(Optional<TargetDescription> target) {
        return target.map(t -> !t.cores().isEmpty() && t.cores().stream().allMatch(ArmTargetConnector::isArm))
                .orElse(true);
    }

    private static boolean isArm(CoreDescription core) {
        String architecture = core.architecture().toLowerCase(Locale.ROOT);
        return architecture.startsWith("armv") || core.type().toLowerCase(Locale.ROOT).startsWith("cortex-m");
    }

    @Override
    public DebugTarget connect(DebugProbe probe, WireProtocol protocol, SessionOptions options,
            Optional<TargetDescription> target) {
        String mode = normalise(options.get(CONNECT_MODE));
        ArmConnectOptions connectOptions = ArmConnectOptions.defaults().withHaltOnConnect(mode.equals("halt"));
        if (target.isPresent() && !target.get().cores().isEmpty()) {
            connectOptions = connectOptions.withApIndex(target.get().cores().get(0).apAddress());
        }
        switch (mode) {
            case "halt":
            case "attach":
                return adapt(ArmDebugFactory.connect(probe, protocol, connectOptions), options);
            case "pre_reset":
                pulseReset(probe);
                return haltAfterConnect(probe, protocol, connectOptions, options);
            case "under_reset":
                CortexMTarget connected = ArmDebugFactory.connect(probe, protocol, connectOptions);
                try {
                    connected.core().resetAndHalt(ResetType.HARDWARE, TIMEOUT);
                } catch (RuntimeException e) {
                    connected.close();
                    throw e;
                }
                return adapt(connected, options);
            default:
                throw new ProbeException("connect_mode '" + options.get(CONNECT_MODE)
                        + "' is not one of halt, pre-reset, under-reset, attach");
        }
    }

    private DebugTarget haltAfterConnect(DebugProbe probe, WireProtocol protocol, ArmConnectOptions connectOptions,
            SessionOptions options) {
        return adapt(ArmDebugFactory.connect(probe, protocol, connectOptions.withHaltOnConnect(true)), options);
    }

    private static void pulseReset(DebugProbe probe) {
        ResetControl reset = probe.capability(ResetControl.class).orElseThrow(() -> new ProbeException(
                "connect_mode pre-reset needs a probe that drives nRESET; " + probe.description().displayName()
                        + " does not"));
        reset.setResetAsserted(true);
        try {
            Thread.sleep(RESET_PULSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            reset.setResetAsserted(false);
        }
    }

    static String normalise(String mode) {
        return mode == null ? "halt" : mode.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    static DebugTarget adapt(CortexMTarget target, SessionOptions options) {
        return new CortexMDebugTarget(target, options.get(RESUME_ON_DISCONNECT));
    }

    /** A {@link CortexMTarget} as the session layer sees it. */
    static final class CortexMDebugTarget implements DebugTarget {
        private final CortexMTarget target;
        private final boolean resumeOnDisconnect;

        CortexMDebugTarget(CortexMTarget target, boolean resumeOnDisconnect) {
            this.target = target;
            this.resumeOnDisconnect = resumeOnDisconnect;
        }

        @Override
        public String description() {
            int cpuid = target.cpuid();
            return String.format("%s r%dp%d (DPIDR 0x%08X, %s)", target.coreType().displayName(),
                    (cpuid >>> 20) & 0xF, cpuid & 0xF, target.dpidr(), target.memoryAccessPort());
        }

        @Override
        public MemoryInterface memory() {
            return target.memory();
        }

        @Override
        public CoreControl core() {
            return target.core();
        }

        @Override
        public BreakpointControl breakpoints() {
            return target.breakpoints();
        }

        @Override
        public WatchpointControl watchpoints() {
            return target.watchpoints();
        }

        /** A Cortex-M offers {@link FunctionCaller}, {@link FaultReport}, {@link FaultCatch} and {@link Semihosting}. */
        @Override
        public <C extends TargetCapability> Optional<C> capability(Class<C> type) {
            if (type == FunctionCaller.class) {
                return Optional.of(type.cast(target.functionCaller()));
            }
            if (type == FaultReport.class) {
                return Optional.of(type.cast(new CortexMFaultReport(target.core(), target.memory(), target.coreType())));
            }
            if (type == FaultCatch.class) {
                return Optional.of(type.cast(new CortexMFaultCatch(target.core(), target.memory())));
            }
            if (type == Semihosting.class) {
                return Optional.of(type.cast(new CortexMSemihosting(target.core(), target.memory())));
            }
            return Optional.empty();
        }

        @Override
        public void close() {
            if (resumeOnDisconnect) {
                target.close();
            } else {
                try {
                    target.detach(false);
                } catch (ProbeException gone) {
                    // the target or probe went away: nothing left to detach from
                }
            }
        }
    }
}
