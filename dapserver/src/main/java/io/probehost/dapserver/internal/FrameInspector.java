package io.probehost.dapserver.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopePresentationHint;
import org.eclipse.lsp4j.debug.StackFramePresentationHint;
import org.eclipse.lsp4j.debug.Variable;

import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.CoreRegister;
import io.probehost.api.debug.DebugTarget;
import io.probehost.flash.format.debug.Backtrace;
import io.probehost.flash.format.debug.DwarfRegisters;
import io.probehost.flash.format.debug.FrameVariables;
import io.probehost.flash.format.debug.Function;
import io.probehost.flash.format.debug.StackFrame;
import io.probehost.flash.format.debug.UnwindArchitecture;
import io.probehost.flash.format.debug.Unwinder;

/**
 * The halted core's stack as the client sees it: the frames {@code target:backtrace} finds (DWARF
 * CFI, exception frames, inlined calls), each with its source position; per frame a scope of
 * locals (where DWARF locates them) and one of registers (all the core's in the innermost frame,
 * the ones the unwinder recovered in a caller). A frame's id is its index; its scopes are
 * {@code 2 * id + 1} (locals) and {@code 2 * id + 2} (registers). The unwind is kept until the core runs.
 */
final class FrameInspector {
    private final DebugTarget target;
    private final ProgramInfo program;
    private final UnwindArchitecture arch;
    private final Breakpoints sources;
    private Backtrace backtrace;

    FrameInspector(DebugTarget target, ProgramInfo program, UnwindArchitecture arch, Breakpoints sources) {
        this.target = target;
        this.program = program;
        this.arch = arch;
        this.sources = sources;
    }

    /** Forgets the unwind: the core ran. */
    void invalidate() {
        backtrace = null;
    }

    Backtrace backtrace() {
        if (backtrace == null) {
            CoreControl core = target.core();
            backtrace = new Unwinder(program.debugInfo(), arch).unwind(
                    DwarfRegisters.read(core, program.debugInfo().machine()),
                    address -> target.memory().read32(address) & 0xFFFF_FFFFL);
        }
        return backtrace;
    }

    List<org.eclipse.lsp4j.debug.StackFrame> frames() {
        List<org.eclipse.lsp4j.debug.StackFrame> frames = new ArrayList<>();
        for (StackFrame frame : backtrace().frames()) {
            org.eclipse.lsp4j.debug.StackFrame shown = new org.eclipse.lsp4j.debug.StackFrame();
            shown.setId(frame.index());
            String name = frame.function().orElse("??");
            shown.setName(switch (frame.kind()) {
                case EXCEPTION -> "<" + name + ">";
                case INLINED -> name + " [inlined]";
                default -> name;
            });
            if (frame.kind() == StackFrame.Kind.EXCEPTION) {
                shown.setPresentationHint(StackFramePresentationHint.LABEL);
            }
            shown.setInstructionPointerReference(MemoryReference.of(frame.pc()));
            frame.location().ifPresent(location -> {
                shown.setSource(sources.source(location));
                shown.setLine((int) location.line());
                shown.setColumn((int) Math.max(location.column(), 1));
            });
            frames.add(shown);
        }
        return frames;
    }

    List<Scope> scopes(int frameId) {
        StackFrame frame = frame(frameId);
        List<Scope> scopes = new ArrayList<>();
        function(frame).filter(f -> !f.variables().isEmpty()).ifPresent(f -> {
            Scope locals = new Scope();
            locals.setName("Locals");
            locals.setPresentationHint(ScopePresentationHint.LOCALS);
            locals.setVariablesReference(2 * frameId + 1);
            locals.setNamedVariables(f.variables().size());
            scopes.add(locals);
        });
        Scope registers = new Scope();
        registers.setName("Registers");
        registers.setPresentationHint(ScopePresentationHint.REGISTERS);
        registers.setVariablesReference(2 * frameId + 2);
        scopes.add(registers);
        return scopes;
    }

    List<Variable> variables(int reference) {
        int frameId = (reference - 1) / 2;
        StackFrame frame = frame(frameId);
        return reference % 2 == 1 ? locals(frame) : registers(frame);
    }

    /** A local of frame {@code frameId} or a register, by name, for watch and hover expressions. */
    Optional<Variable> lookup(int frameId, String name) {
        StackFrame frame = frame(frameId);
        return locals(frame).stream().filter(v -> v.getName().equals(name)).findFirst()
                .or(() -> registers(frame).stream().filter(v -> v.getName().equalsIgnoreCase(name)).findFirst());
    }

    private StackFrame frame(int frameId) {
        List<StackFrame> frames = backtrace().frames();
        if (frameId < 0 || frameId >= frames.size()) {
            throw new DapException("no stack frame " + frameId + " (the core ran, or the stack has " + frames.size()
                    + " frames)");
        }
        return frames.get(frameId);
    }

    private Optional<Function> function(StackFrame frame) {
        if (frame.kind() == StackFrame.Kind.EXCEPTION || frame.kind() == StackFrame.Kind.INLINED) {
            return Optional.empty();
        }
        long lookup = frame.kind() == StackFrame.Kind.CALLER ? frame.pc() - 1 : frame.pc();
        return program.debugInfo().functionAt(lookup);
    }

    private List<Variable> locals(StackFrame frame) {
        List<Variable> shown = new ArrayList<>();
        Optional<Function> function = function(frame);
        if (function.isEmpty()) {
            return shown;
        }
        for (io.probehost.flash.format.debug.Variable variable : function.get().variables()) {
            OptionalLong value;
            try {
                value = FrameVariables.value(variable, function.get(), frame, address -> target.memory().read32(address)
                        & 0xFFFF_FFFFL);
            } catch (RuntimeException e) {
                value = OptionalLong.empty();
            }
            shown.add(variable(variable.name(), variable.type(),
                    value.isPresent() ? ValueText.of(value.getAsLong(), variable.type(), variable.byteSize())
                            : "<not available>"));
        }
        return shown;
    }

    private List<Variable> registers(StackFrame frame) {
        List<Variable> shown = new ArrayList<>();
        CoreControl core = target.core();
        boolean live = frame.registers().equals(backtrace().frames().get(0).registers());
        List<CoreRegister> all = core.registers();
        long[] values = live ? core.readRegisters(all) : null;
        Map<Integer, Long> recovered = frame.registers().asMap();
        for (int i = 0; i < all.size(); i++) {
            CoreRegister register = all.get(i);
            OptionalInt number = DwarfRegisters.dwarfNumber(program.debugInfo().machine(), register);
            Long value = live ? Long.valueOf(values[i]) : number.isPresent() ? recovered.get(number.getAsInt()) : null;
            if (value != null) {
                shown.add(variable(register.name().toLowerCase(Locale.ROOT), "",
                        String.format("0x%0" + (register.bitWidth() + 3) / 4 + "x", value & register.mask())));
            }
        }
        return shown;
    }

    private static Variable variable(String name, String type, String value) {
        Variable variable = new Variable();
        variable.setName(name);
        variable.setValue(value);
        if (!type.isEmpty()) {
            variable.setType(type);
        }
        variable.setVariablesReference(0);
        return variable;
    }
}
