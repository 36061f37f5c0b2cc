package io.probehost.arch.riscv.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.probehost.api.ProbeException;
import io.probehost.api.debug.BreakpointControl;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.CrcCode;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.FaultCatch;
import io.probehost.api.debug.FaultReport;
import io.probehost.api.debug.FunctionCaller;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.debug.Semihosting;
import io.probehost.api.debug.TargetCapability;
import io.probehost.api.debug.WatchpointControl;
import io.probehost.api.probe.ResetControl;
import io.probehost.api.target.TargetDescription;

/**
 * A RISC-V hart as the session layer sees it: memory, core, breakpoints and watchpoints over its
 * Debug Module, a {@link FunctionCaller}, and the flash loader's CRC routine built for RV32 ({@link CrcCode}). Closing removes every breakpoint and watchpoint and,
 * unless told otherwise, lets the hart run.
 */
public final class RiscvDebugTarget implements DebugTarget {
    private final String description;
    private final Hart hart;
    private final RiscvMemory memory;
    private final RiscvCore core;
    private final RiscvBreakpoints breakpoints;
    private final RiscvWatchpoints watchpoints;
    private final RiscvFunctionCaller functionCaller;
    private final boolean resumeOnClose;

    private RiscvDebugTarget(String transport, Hart hart, Optional<TargetDescription> target,
            Optional<ResetControl> resetPin, boolean resumeOnClose) {
        this.hart = hart;
        this.memory = new RiscvMemory(hart, SystemBusMemory.of(hart.debugModule().dmi(),
                hart.debugModule().systemBusControl()));
        Triggers triggers = new Triggers(hart);
        this.breakpoints = new RiscvBreakpoints(hart, memory, triggers);
        this.watchpoints = new RiscvWatchpoints(triggers);
        this.core = new RiscvCore(hart, breakpoints, systemReset(target, memory), resetPin.map(PinReset::new));
        this.functionCaller = new RiscvFunctionCaller(hart);
        this.resumeOnClose = resumeOnClose;
        DebugModule dm = hart.debugModule();
        this.description = String.format("%s (%s, Debug Module %s, program buffer %d words%s%s)", core.coreName(),
                transport, dm.version() == 2 ? "0.13" : "1.0", dm.programBufferSize(),
                dm.hasImplicitEbreak() ? " + implicit ebreak" : "", memory.usesSystemBus() ? ", system bus access" : "");
    }

    /**
     * Connects to hart {@code hartIndex} behind {@code dmi}: activates the DM, halts the hart unless
     * {@code halt} is false, and acknowledges a reset it reports.
     *
     * @param transport what {@link #description()} names as the way in, such as {@code JTAG DTM IDCODE 0x1000563D}
     */
    public static RiscvDebugTarget connect(Dmi dmi, int hartIndex, String transport, Optional<TargetDescription> target,
            Optional<ResetControl> resetPin, boolean halt, boolean resumeOnClose, Duration timeout) {
        DebugModule dm = DebugModule.activate(dmi, hartIndex, timeout);
        if ((dm.status() & DebugModule.DMSTATUS_ALLHAVERESET) != 0) {
            dm.writeControl(DebugModule.DMCONTROL_ACKHAVERESET);
        }
        Hart hart = new Hart(dm, timeout);
        if (halt) {
            hart.halt(timeout);
        }
        return new RiscvDebugTarget(transport, hart, target, resetPin, resumeOnClose);
    }

    /** The target's own system reset: the GD32VF103's DBG registers, else {@code ndmreset}. */
    static SystemReset systemReset(Optional<TargetDescription> target, MemoryInterface memory) {
        boolean gd32vf103 = target.map(t -> t.name().toLowerCase(Locale.ROOT).startsWith("gd32vf103")).orElse(false);
        return gd32vf103 ? new Gd32vf103Reset(memory) : new SystemReset.NdmReset();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public MemoryInterface memory() {
        return memory;
    }

    @Override
    public CoreControl core() {
        return core;
    }

    @Override
    public BreakpointControl breakpoints() {
        return breakpoints;
    }

    @Override
    public WatchpointControl watchpoints() {
        return watchpoints;
    }

    @Override
    public <C extends TargetCapability> Optional<C> capability(Class<C> type) {
        if (type == FunctionCaller.class) {
            return Optional.of(type.cast(functionCaller));
        }
        if (type == CrcCode.class) {
            return Optional.of(type.cast(new RiscvCrcCode()));
        }
        if (type == FaultReport.class) {
            return Optional.of(type.cast(new RiscvFaultReport(core())));
        }
        if (type == FaultCatch.class) {
            return Optional.of(type.cast(new RiscvFaultCatch(core, breakpoints)));
        }
        if (type == Semihosting.class) {
            return Optional.of(type.cast(new RiscvSemihosting(core, memory)));
        }
        return Optional.empty();
    }

    /** Whether memory goes through the program buffer (the DM has no Access Memory). */
    boolean memoryThroughProgramBuffer() {
        return memory.usesProgramBuffer();
    }

    @Override
    public void close() {
        try {
            breakpoints.removeAllBreakpoints();
            watchpoints.removeAllWatchpoints();
            if (resumeOnClose && hart.isHalted()) {
                core.resume();
            }
        } catch (ProbeException gone) {
            // the probe or target went away: nothing left to detach from
        }
    }
}
