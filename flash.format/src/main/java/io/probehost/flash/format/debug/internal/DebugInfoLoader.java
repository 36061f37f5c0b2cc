package io.probehost.flash.format.debug.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.probehost.flash.format.debug.CallFrameInfo;
import io.probehost.flash.format.debug.DebugInfo;
import io.probehost.flash.format.debug.Function;
import io.probehost.flash.format.debug.LineRow;
import io.probehost.flash.format.debug.LineTable;
import io.probehost.flash.format.debug.StaticVariable;
import io.probehost.flash.format.debug.Symbol;
import io.probehost.flash.format.debug.SymbolTable;
import io.probehost.flash.format.debug.internal.DebugInfoReader.Unit;
import io.probehost.flash.format.debug.internal.LineProgramReader.LineProgram;
import io.probehost.flash.format.internal.ElfFile;

/** Reads every debug table of an ELF file through the flash.format ELF reader. */
public final class DebugInfoLoader {

    private static final int STT_OBJECT = 1;
    private static final int STT_FUNC = 2;
    private static final int STB_GLOBAL = 1;
    private static final int DW_AT_STMT_LIST = 0x10;
    private static final int DW_AT_COMP_DIR = 0x1b;

    private DebugInfoLoader() {
    }

    public static DebugInfo load(String name, byte[] content) {
        ElfFile elf = ElfFile.parse(name, content);
        Optional<DwarfCursor> strings = section(elf, ".debug_str");
        Optional<DwarfCursor> lineStrings = section(elf, ".debug_line_str");
        FormReader forms = new FormReader(strings.orElse(null), lineStrings.orElse(null));
        Optional<DwarfCursor> debugLine = section(elf, ".debug_line");
        LineProgramReader lineReader = debugLine.map(d -> new LineProgramReader(d, forms)).orElse(null);

        List<Unit> units = List.of();
        Optional<DwarfCursor> info = section(elf, ".debug_info");
        Optional<DwarfCursor> abbrev = section(elf, ".debug_abbrev");
        if (info.isPresent() && abbrev.isPresent()) {
            units = new DebugInfoReader(info.get(), abbrev.get(), forms).units();
        }
        RangeListReader ranges = new RangeListReader(section(elf, ".debug_rnglists").orElse(null),
                section(elf, ".debug_ranges").orElse(null));
        Map<Long, LineProgram> programs = new HashMap<>();
        List<Function> functions = new ArrayList<>();
        List<StaticVariable> staticVariables = new ArrayList<>();
        for (Unit unit : units) {
            Long stmtList = unit.root().number(DW_AT_STMT_LIST);
            LineProgram program = null;
            if (stmtList != null && lineReader != null) {
                String compDir = unit.root().string(DW_AT_COMP_DIR);
                program = programs.computeIfAbsent(stmtList, at -> lineReader.read(at, compDir == null ? "" : compDir));
            }
            FunctionCollector collector = new FunctionCollector(unit, program, ranges);
            functions.addAll(collector.functions());
            staticVariables.addAll(collector.staticVariables());
        }
        if (lineReader != null && units.isEmpty()) {
            for (long at : lineReader.unitOffsets()) {
                programs.put(at, lineReader.read(at, ""));
            }
        }
        List<List<LineRow>> sequences = new ArrayList<>();
        programs.values().forEach(p -> sequences.addAll(p.sequences()));

        CallFrameInfo frames = section(elf, ".debug_frame")
                .<CallFrameInfo>map(d -> new DebugFrameTable(new FrameTableReader(d, 4).read(), codeAtZero(elf)))
                .orElse(CallFrameInfo.none());
        Optional<ExidxTable> exidx = exidx(elf);
        if (exidx.isPresent()) {
            CallFrameInfo debugFrame = frames;
            frames = pc -> debugFrame.rowAt(pc).or(() -> exidx.get().rowAt(pc));
        }
        return new DebugInfo(elf.machine(), new SymbolTable(symbols(elf)), new LineTable(sequences), functions, frames,
                staticVariables);
    }

    /** The Arm EHABI tables, which stand in where {@code .debug_frame} covers no function. */
    private static Optional<ExidxTable> exidx(ElfFile elf) {
        Optional<ElfFile.Section> index = elf.section(".ARM.exidx");
        if (index.isEmpty() || elf.machine() != ElfFile.EM_ARM) {
            return Optional.empty();
        }
        Optional<ElfFile.Section> table = elf.section(".ARM.extab");
        return Optional.of(new ExidxTable(index.get().addr(), elf.sectionBytes(index.get()),
                table.map(ElfFile.Section::addr).orElse(0L), table.map(elf::sectionBytes).orElse(new byte[0])));
    }

    private static Optional<DwarfCursor> section(ElfFile elf, String name) {
        return elf.section(name).map(s -> new DwarfCursor(name, elf.sectionBytes(s)));
    }

    private static List<Symbol> symbols(ElfFile elf) {
        boolean arm = elf.machine() == ElfFile.EM_ARM;
        List<Symbol> symbols = new ArrayList<>();
        for (ElfFile.Symbol s : elf.symbols()) {
            int type = s.info() & 0xF;
            if ((type != STT_FUNC && type != STT_OBJECT) || s.name().isEmpty() || s.sectionIndex() == 0) {
                continue;
            }
            boolean thumb = arm && type == STT_FUNC && (s.value() & 1) != 0;
            symbols.add(new Symbol(s.name(), thumb ? s.value() & ~1L : s.value(), s.size(),
                    type == STT_FUNC ? Symbol.Kind.FUNCTION : Symbol.Kind.OBJECT, s.info() >> 4 == STB_GLOBAL, thumb));
        }
        return symbols;
    }

    /** True when a loaded executable section starts at address 0 (an FDE at 0 is then real code). */
    private static boolean codeAtZero(ElfFile elf) {
        return elf.sections().stream().anyMatch(s -> (s.flags() & ElfFile.SHF_ALLOC) != 0 && (s.flags() & 0x4) != 0
                && s.addr() == 0 && s.size() > 0);
    }
}
