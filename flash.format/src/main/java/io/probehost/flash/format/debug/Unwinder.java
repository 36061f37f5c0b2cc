package io.probehost.flash.format.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.probehost.flash.format.Hex;
import io.probehost.flash.format.debug.UnwindArchitecture.ExceptionReturn;

/**
 * Walks the stack of a halted core: CFI from {@code .debug_frame} frame by frame, the
 * architecture's exception frames where a return address is an exception return or a frame is a
 * trap handler (RISC-V: back to mepc), its no-CFI
 * fallback where no FDE covers the code, each frame named from DWARF (or the symbol table) with its
 * source position, after one {@link StackFrame.Kind#INLINED} frame per inlined call that holds its pc. Stops at a zero or all-ones return address, an unreadable word, a stack pointer
 * that goes down, or {@value #MAX_FRAMES} frames.
 */
public final class Unwinder {

    public static final int MAX_FRAMES = 128;

    private final DebugInfo info;
    private final UnwindArchitecture arch;

    public Unwinder(DebugInfo info, UnwindArchitecture arch) {
        this.info = info;
        this.arch = arch;
    }

    public Backtrace unwind(RegisterValues registers, TargetMemory memory) {
        List<StackFrame> frames = new ArrayList<>();
        RegisterValues regs = registers;
        StackFrame.Kind kind = StackFrame.Kind.INNERMOST;
        while (frames.size() < MAX_FRAMES) {
            if (!regs.has(arch.programCounter())) {
                return new Backtrace(frames, "the program counter is unknown");
            }
            long pc = arch.codeAddress(regs.get(arch.programCounter()).getAsLong());
            long lookup = kind == StackFrame.Kind.CALLER ? pc - 1 : pc;
            int physical = frames.size();
            describe(frames, kind, pc, lookup, regs);
            RegisterValues caller;
            try {
                boolean liveRegisters = kind == StackFrame.Kind.INNERMOST || kind == StackFrame.Kind.INTERRUPTED;
                Optional<RegisterValues> stepped = step(regs, lookup, liveRegisters, memory);
                if (stepped.isEmpty()) {
                    return new Backtrace(frames, "no unwind information at " + Hex.address(pc));
                }
                caller = stepped.get();
                if (caller.has(arch.stackPointer())) {
                    for (int i = physical; i < frames.size(); i++) {
                        frames.set(i, frames.get(i).withCfa(caller.get(arch.stackPointer()).getAsLong()));
                    }
                }
                Optional<ExceptionReturn> trap = arch.trapReturn(info.functionStart(lookup), regs, caller);
                if (trap.isPresent()) {
                    RegisterValues trapped = trap.get().interrupted();
                    frames.add(new StackFrame(frames.size(), StackFrame.Kind.EXCEPTION,
                            trapped.get(arch.programCounter()).orElse(0), caller, Optional.of(trap.get().exception()), 0,
                            Optional.empty(), OptionalLong.empty()));
                    regs = trapped;
                    kind = StackFrame.Kind.INTERRUPTED;
                    continue;
                }
                if (!caller.has(arch.returnAddress())) {
                    return new Backtrace(frames, "the return address is undefined (outermost frame)");
                }
                long returnAddress = caller.get(arch.returnAddress()).getAsLong();
                Optional<ExceptionReturn> exception = arch.exceptionReturn(returnAddress, regs, caller, memory);
                if (exception.isPresent()) {
                    frames.add(new StackFrame(frames.size(), StackFrame.Kind.EXCEPTION, returnAddress, caller,
                            Optional.of(exception.get().exception()), 0, Optional.empty(), OptionalLong.empty()));
                    regs = exception.get().interrupted();
                    kind = StackFrame.Kind.INTERRUPTED;
                    continue;
                }
                if (returnAddress == 0 || returnAddress == 0xFFFF_FFFFL) {
                    return new Backtrace(frames, "end of stack (return address " + Hex.address(returnAddress) + ")");
                }
                caller = caller.with(arch.programCounter(), returnAddress);
            } catch (RuntimeException e) {
                return new Backtrace(frames, "memory unreadable while unwinding: " + e.getMessage());
            }
            long sp = regs.get(arch.stackPointer()).orElse(0);
            long callerSp = caller.get(arch.stackPointer()).orElse(0);
            if (callerSp < sp || (callerSp == sp && arch.codeAddress(caller.get(arch.programCounter()).getAsLong()) == pc)) {
                return new Backtrace(frames, "the stack pointer does not grow towards the caller at " + Hex.address(pc));
            }
            regs = caller;
            kind = StackFrame.Kind.CALLER;
        }
        return new Backtrace(frames, "stopped after " + MAX_FRAMES + " frames");
    }

    /** The caller's registers, with the return address under the architecture's return-address register. */
    private Optional<RegisterValues> step(RegisterValues regs, long lookup, boolean liveRegisters, TargetMemory memory) {
        Optional<UnwindRow> found = info.callFrames().rowAt(lookup);
        if (found.isEmpty() || found.get().cfaIsExpression() || !regs.has(found.get().cfaRegister())) {
            return arch.unwindWithoutCfi(regs, liveRegisters, info.functionStart(lookup), memory);
        }
        UnwindRow row = found.get();
        long cfa = (regs.get(row.cfaRegister()).getAsLong() + row.cfaOffset()) & 0xFFFF_FFFFL;
        RegisterValues caller = RegisterValues.empty();
        for (Map.Entry<Integer, Long> e : regs.asMap().entrySet()) {
            if (arch.isCalleeSaved(e.getKey())) {
                caller = caller.with(e.getKey(), e.getValue());
            }
        }
        int ra = row.returnAddressRegister();
        if (!row.rules().containsKey(ra) && regs.has(ra)) {
            caller = caller.with(ra, regs.get(ra).getAsLong());
        }
        for (Map.Entry<Integer, RegisterRule> e : row.rules().entrySet()) {
            int register = e.getKey();
            RegisterRule rule = e.getValue();
            caller = switch (rule.kind()) {
                case OFFSET -> caller.with(register, memory.read32(cfa + rule.value()));
                case VAL_OFFSET -> caller.with(register, cfa + rule.value());
                case REGISTER -> regs.has((int) rule.value()) ? caller.with(register, regs.get((int) rule.value()).getAsLong())
                        : caller.without(register);
                case SAME_VALUE -> regs.has(register) ? caller.with(register, regs.get(register).getAsLong()) : caller;
                case UNDEFINED, EXPRESSION, VAL_EXPRESSION -> caller.without(register);
            };
        }
        if (ra != arch.returnAddress() && caller.has(ra)) {
            caller = caller.with(arch.returnAddress(), caller.get(ra).getAsLong());
        }
        return Optional.of(caller.with(arch.stackPointer(), cfa));
    }

    /**
     * Adds the frames of one physical frame: one per inlined call that holds {@code lookup}, innermost
     * first (each at the call site of the one before), then the function itself.
     */
    private void describe(List<StackFrame> frames, StackFrame.Kind kind, long pc, long lookup, RegisterValues regs) {
        long start = info.functionStart(lookup);
        long offset = start < 0 ? 0 : pc - start;
        List<InlinedCall> chain = info.inlinedAt(lookup);
        Optional<SourceLocation> location = info.lines().locate(lookup);
        for (int i = chain.size() - 1; i >= 0; i--) {
            frames.add(new StackFrame(frames.size(), StackFrame.Kind.INLINED, pc, regs, Optional.of(chain.get(i).name()), offset,
                    location, OptionalLong.empty()));
            location = Optional.of(chain.get(i).callSite());
        }
        frames.add(new StackFrame(frames.size(), kind, pc, regs, info.functionName(lookup), offset, location, OptionalLong.empty()));
    }
}
