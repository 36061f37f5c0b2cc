package io.probehost.dapserver.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;

import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.ResetType;
import io.probehost.api.host.DebugSession;
import io.probehost.api.target.TargetDescription;
import io.probehost.flash.FlashLoader;
import io.probehost.flash.FlashOptions;
import io.probehost.flash.FlashProgressListener;
import io.probehost.flash.FlashResult;
import io.probehost.flash.format.FirmwareImage;
import io.probehost.flash.format.FirmwareImageReader;
import io.probehost.flash.format.debug.StackFrame;
import io.probehost.flash.format.debug.UnwindArchitecture;

/**
 * The program being debugged on one session's target: its ELF's debug information and the
 * breakpoints, run control, steps and stack inspection over it. Made by {@code launch} (which
 * flashes the ELF first) or {@code attach}.
 */
final class Debuggee {
    private final DebugSession session;
    private final ProgramInfo program;
    private final Breakpoints breakpoints;
    private final RunControl run;
    private final SourceStep steps;
    private final FrameInspector frames;

    Debuggee(DebugSession session, Path elf, ScheduledExecutorService worker, Consumer<StoppedEventArguments> stopped) {
        if (!Files.isRegularFile(elf)) {
            throw new DapException("no such program: " + elf);
        }
        this.session = session;
        this.program = ProgramInfo.read(elf);
        UnwindArchitecture arch = program.debugInfo().architecture().orElseThrow(() -> new DapException(
                elf + ": machine " + program.debugInfo().machine() + " is neither Arm nor RISC-V"));
        DebugTarget target = session.target();
        this.breakpoints = new Breakpoints(target.breakpoints(), program);
        this.frames = new FrameInspector(target, program, arch, breakpoints);
        this.run = new RunControl(target, breakpoints, worker, event -> {
            frames.invalidate();
            stopped.accept(event);
        });
        this.steps = new SourceStep(target, program, arch, breakpoints);
    }

    /** Programs {@code elf} through the flash loader (unchanged sectors skipped), then resets and halts the core. */
    static FlashResult flash(DebugSession session, Path elf) {
        TargetDescription description = session.targetDescription().orElseThrow(() -> new DapException(
                "no installed target pack describes " + session.target().description()
                        + ": name the target with \"target\" in the launch configuration"));
        FirmwareImage image = FirmwareImageReader.read(elf);
        FlashLoader.checkFits(image, description);
        FlashResult result = new FlashLoader(session.target(), description).program(image,
                FlashOptions.defaults().withResetAfter(false), FlashProgressListener.NONE);
        ResetType reset = "hardware".equals(description.resetType()) ? ResetType.HARDWARE : ResetType.SYSRESETREQ;
        session.target().core().resetAndHalt(reset, RunControl.HALT_TIMEOUT);
        return result;
    }

    DebugSession session() {
        return session;
    }

    DebugTarget target() {
        return session.target();
    }

    Breakpoints breakpoints() {
        return breakpoints;
    }

    RunControl run() {
        return run;
    }

    FrameInspector frames() {
        return frames;
    }

    void resume() {
        frames.invalidate();
        run.resume(OptionalLong.empty());
    }

    /** {@code next}/{@code stepIn}; an instruction step when asked for instruction granularity. */
    void step(boolean into, boolean instruction) {
        requireHalted();
        frames.invalidate();
        if (instruction) {
            target().core().step();
            run.report(StoppedEventArgumentsReason.STEP, null);
            return;
        }
        SourceStep.Outcome outcome = steps.run(into, run.programCounter());
        frames.invalidate();
        outcome.breakpoint().ifPresentOrElse(
                hit -> run.report(StoppedEventArgumentsReason.BREAKPOINT, hit.getId()),
                () -> run.report(StoppedEventArgumentsReason.STEP, null));
    }

    /** {@code stepOut}: runs to the return address of the innermost physical frame's caller. */
    void stepOut() {
        requireHalted();
        long returnAddress = frames.backtrace().frames().stream()
                .filter(f -> f.kind() == StackFrame.Kind.CALLER).findFirst()
                .map(StackFrame::pc).orElseThrow(() -> new DapException("the innermost frame has no caller to return to"));
        frames.invalidate();
        run.resume(OptionalLong.of(returnAddress));
    }

    void requireHalted() {
        if (run.isRunning() || !target().core().isHalted()) {
            throw new DapException("the core is running: pause it first");
        }
    }

    /** The client goes: its breakpoints come off and the core runs on unless {@code suspend}. */
    void detach(boolean suspend) {
        run.stopWatching();
        if (!session.isOpen()) {
            return;
        }
        breakpoints.clear();
        if (!suspend && target().core().isHalted()) {
            target().core().resume();
        }
    }
}
