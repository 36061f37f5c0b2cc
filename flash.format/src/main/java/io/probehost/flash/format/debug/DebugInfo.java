package io.probehost.flash.format.debug;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.probehost.flash.format.ImageFormatException;
import io.probehost.flash.format.debug.internal.DebugInfoLoader;

/**
 * The debug information of an ELF file: its symbol table, DWARF line table, functions (with their
 * parameters, locals and inlined calls) and call frame information. Read once with {@link #read(Path)}; immutable
 * and safe to share. A stripped file gives empty tables, not an error; a broken section gives an
 * {@link ImageFormatException} naming it.
 */
public final class DebugInfo {

    private final int machine;
    private final SymbolTable symbols;
    private final LineTable lines;
    private final List<Function> functions;
    private final CallFrameInfo callFrames;
    private final List<StaticVariable> staticVariables;

    public DebugInfo(int machine, SymbolTable symbols, LineTable lines, List<Function> functions, CallFrameInfo callFrames) {
        this(machine, symbols, lines, functions, callFrames, List.of());
    }

    public DebugInfo(int machine, SymbolTable symbols, LineTable lines, List<Function> functions, CallFrameInfo callFrames,
            List<StaticVariable> staticVariables) {
        this.machine = machine;
        this.staticVariables = List.copyOf(staticVariables);
        this.symbols = symbols;
        this.lines = lines;
        this.functions = functions.stream().sorted(Comparator.comparingLong(Function::lowPc)).toList();
        this.callFrames = callFrames;
    }

    /** @throws ImageFormatException when the file cannot be read or is not a usable ELF file */
    public static DebugInfo read(Path elf) {
        try {
            return read(elf.getFileName().toString(), Files.readAllBytes(elf));
        } catch (IOException e) {
            throw new ImageFormatException(elf + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** @param name the file name errors mention */
    public static DebugInfo read(String name, byte[] elf) {
        return DebugInfoLoader.load(name, elf);
    }

    /** The ELF {@code e_machine}: 40 for Arm, 243 for RISC-V. */
    public int machine() {
        return machine;
    }

    /** The unwinding rules for the file's architecture: {@link CortexMUnwinding} or {@link RiscvUnwinding}. */
    public Optional<UnwindArchitecture> architecture() {
        return switch (machine) {
            case CortexMUnwinding.EM_ARM -> Optional.of(new CortexMUnwinding());
            case RiscvUnwinding.EM_RISCV -> Optional.of(new RiscvUnwinding());
            default -> Optional.empty();
        };
    }

    public SymbolTable symbols() {
        return symbols;
    }

    public LineTable lines() {
        return lines;
    }

    /** Every function with code, by start address. */
    public List<Function> functions() {
        return functions;
    }

    public CallFrameInfo callFrames() {
        return callFrames;
    }

    /** Every variable at a fixed address, whatever its scope (file, function, namespace), in file order. */
    public List<StaticVariable> staticVariables() {
        return staticVariables;
    }

    /** The DWARF function whose code holds {@code address}; the innermost when ranges nest. */
    public Optional<Function> functionAt(long address) {
        Function found = null;
        for (Function f : functions) {
            if (f.contains(address) && (found == null || f.lowPc() >= found.lowPc())) {
                found = f;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The inlined calls whose code holds {@code address}, outermost first: the last one's name is
     * the function the instruction really belongs to, each one's call site is a line of the one
     * before it (or of {@link #functionAt}'s function for the first).
     */
    public List<InlinedCall> inlinedAt(long address) {
        return functionAt(address).map(f -> f.inlinedAt(address)).orElse(List.of());
    }

    /** The name of the function holding {@code address}, from DWARF or else from the symbol table. */
    public Optional<String> functionName(long address) {
        return functionAt(address).map(Function::name).or(() -> symbols.function(address).map(s -> s.symbol().name()));
    }

    /** The start of the function holding {@code address}, from DWARF or else the symbol table; -1 if unknown. */
    public long functionStart(long address) {
        return functionAt(address).map(Function::lowPc)
                .or(() -> symbols.function(address).map(s -> s.symbol().address())).orElse(-1L);
    }
}
