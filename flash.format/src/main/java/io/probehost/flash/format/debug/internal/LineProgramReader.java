package io.probehost.flash.format.debug.internal;

import java.util.ArrayList;
import java.util.List;

import io.probehost.flash.format.Hex;
import io.probehost.flash.format.debug.LineRow;
import io.probehost.flash.format.debug.SourceLocation;

/** Runs the DWARF 2 to 5 line-number programs of {@code .debug_line}. */
public final class LineProgramReader {

    /** One unit's file table (index as the unit numbers files) and its row sequences. */
    public record LineProgram(int version, List<SourceLocation> files, List<List<LineRow>> sequences) {
        /** The file the program calls {@code index}; unknown indexes give {@code "?"}. */
        public SourceLocation file(long index) {
            return index >= 0 && index < files.size() && files.get((int) index) != null ? files.get((int) index)
                    : new SourceLocation("", "?", 0, 0);
        }
    }

    private static final int DW_LNS_COPY = 1;
    private static final int DW_LNS_ADVANCE_PC = 2;
    private static final int DW_LNS_ADVANCE_LINE = 3;
    private static final int DW_LNS_SET_FILE = 4;
    private static final int DW_LNS_SET_COLUMN = 5;
    private static final int DW_LNS_NEGATE_STMT = 6;
    private static final int DW_LNS_CONST_ADD_PC = 8;
    private static final int DW_LNS_FIXED_ADVANCE_PC = 9;
    private static final int DW_LNE_END_SEQUENCE = 1;
    private static final int DW_LNE_SET_ADDRESS = 2;
    private static final int DW_LNE_DEFINE_FILE = 3;
    private static final int DW_LNCT_PATH = 1;
    private static final int DW_LNCT_DIRECTORY_INDEX = 2;

    private final DwarfCursor in;
    private final FormReader forms;

    public LineProgramReader(DwarfCursor debugLine, FormReader forms) {
        this.in = debugLine;
        this.forms = forms;
    }

    /** Reads the unit at {@code offset}; {@code compDir} names directory 0 before DWARF 5. */
    public LineProgram read(long offset, String compDir) {
        in.unlimit();
        in.seek(offset);
        DwarfCursor.UnitExtent extent = in.unitLength();
        int offsetSize = extent.offsetSize();
        in.limit(extent.end());
        int version = in.u16();
        if (version < 2 || version > 5) {
            throw in.error("line program at " + Hex.address(offset) + " has version " + version + ", expected 2 to 5");
        }
        int addressSize = 4;
        if (version >= 5) {
            addressSize = in.u8();
            in.u8();
        }
        long headerLength = in.fixed(offsetSize);
        long programStart = in.position() + headerLength;
        int minInstructionLength = in.u8();
        if (version >= 4) {
            in.u8();
        }
        boolean defaultIsStmt = in.u8() != 0;
        int lineBase = (byte) in.u8();
        int lineRange = in.u8();
        int opcodeBase = in.u8();
        if (lineRange == 0) {
            throw in.error("line program at " + Hex.address(offset) + " has line_range 0");
        }
        int[] opcodeLengths = new int[opcodeBase];
        for (int i = 1; i < opcodeBase; i++) {
            opcodeLengths[i] = in.u8();
        }
        List<SourceLocation> files = version >= 5 ? readV5Files(offsetSize) : readOldFiles(compDir);
        in.seek(programStart);
        List<List<LineRow>> sequences = run(new Header(minInstructionLength, defaultIsStmt, lineBase, lineRange, opcodeBase,
                opcodeLengths, addressSize), files, version, compDir);
        in.unlimit();
        return new LineProgram(version, files, sequences);
    }

    /** The offsets of every unit of the section, in order. */
    public List<Long> unitOffsets() {
        List<Long> offsets = new ArrayList<>();
        in.unlimit();
        in.seek(0);
        while (in.hasMore()) {
            offsets.add((long) in.position());
            in.seek(in.unitLength().end());
        }
        return offsets;
    }

    private record Header(int minInstructionLength, boolean defaultIsStmt, int lineBase, int lineRange, int opcodeBase,
            int[] opcodeLengths, int addressSize) {
    }

    private List<SourceLocation> readOldFiles(String compDir) {
        List<String> directories = new ArrayList<>();
        directories.add(compDir);
        for (String dir = in.string(); !dir.isEmpty(); dir = in.string()) {
            directories.add(absolute(compDir, dir));
        }
        List<SourceLocation> files = new ArrayList<>();
        files.add(null);
        for (String name = in.string(); !name.isEmpty(); name = in.string()) {
            long dir = in.uleb();
            in.uleb();
            in.uleb();
            files.add(new SourceLocation(directory(directories, dir), name, 0, 0));
        }
        return files;
    }

    private List<SourceLocation> readV5Files(int offsetSize) {
        List<String> directories = new ArrayList<>();
        for (List<Object> entry : readEntries(offsetSize)) {
            String dir = entry.get(0) == null ? "" : (String) entry.get(0);
            directories.add(directories.isEmpty() ? dir : absolute(directories.get(0), dir));
        }
        List<SourceLocation> files = new ArrayList<>();
        for (List<Object> entry : readEntries(offsetSize)) {
            long dir = entry.get(1) == null ? 0 : (Long) entry.get(1);
            files.add(new SourceLocation(directory(directories, dir), entry.get(0) == null ? "?" : (String) entry.get(0), 0, 0));
        }
        return files;
    }

    /** DWARF 5 directory or file entries: per entry, [path, directory index]. */
    private List<List<Object>> readEntries(int offsetSize) {
        int formatCount = in.u8();
        long[][] format = new long[formatCount][];
        for (int i = 0; i < formatCount; i++) {
            format[i] = new long[] {in.uleb(), in.uleb()};
        }
        long count = in.uleb();
        List<List<Object>> entries = new ArrayList<>();
        for (long n = 0; n < count; n++) {
            Object[] entry = new Object[2];
            for (long[] field : format) {
                Object value = forms.read(in, (int) field[1], offsetSize, 4);
                if (field[0] == DW_LNCT_PATH) {
                    entry[0] = value instanceof String s ? s : null;
                } else if (field[0] == DW_LNCT_DIRECTORY_INDEX) {
                    entry[1] = value instanceof Long l ? l : null;
                }
            }
            entries.add(java.util.Arrays.asList(entry));
        }
        return entries;
    }

    /** An include directory relative to the compilation directory, joined to it as addr2line does. */
    private static String absolute(String compDir, String dir) {
        if (dir.startsWith("/") || compDir.isEmpty()) {
            return dir;
        }
        return compDir.endsWith("/") ? compDir + dir : compDir + "/" + dir;
    }

    private static String directory(List<String> directories, long index) {
        return index >= 0 && index < directories.size() ? directories.get((int) index) : "";
    }

    private List<List<LineRow>> run(Header h, List<SourceLocation> files, int version, String compDir) {
        List<List<LineRow>> sequences = new ArrayList<>();
        List<LineRow> rows = new ArrayList<>();
        State s = new State(h.defaultIsStmt());
        while (in.hasMore()) {
            int opcode = in.u8();
            if (opcode >= h.opcodeBase()) {
                int adjusted = opcode - h.opcodeBase();
                s.address += (long) (adjusted / h.lineRange()) * h.minInstructionLength();
                s.line += h.lineBase() + adjusted % h.lineRange();
                rows.add(s.row(files, false));
                continue;
            }
            switch (opcode) {
                case 0 -> {
                    long length = in.uleb();
                    int start = in.position();
                    int sub = length == 0 ? -1 : in.u8();
                    if (sub == DW_LNE_END_SEQUENCE) {
                        rows.add(s.row(files, true));
                        sequences.add(rows);
                        rows = new ArrayList<>();
                        s = new State(h.defaultIsStmt());
                    } else if (sub == DW_LNE_SET_ADDRESS) {
                        s.address = in.fixed((int) length - 1);
                    } else if (sub == DW_LNE_DEFINE_FILE && version < 5) {
                        String name = in.string();
                        long dir = in.uleb();
                        files.add(new SourceLocation(dir == 0 ? compDir : "", name, 0, 0));
                    }
                    in.seek(start + length);
                }
                case DW_LNS_COPY -> rows.add(s.row(files, false));
                case DW_LNS_ADVANCE_PC -> s.address += in.uleb() * h.minInstructionLength();
                case DW_LNS_ADVANCE_LINE -> s.line += in.sleb();
                case DW_LNS_SET_FILE -> s.file = in.uleb();
                case DW_LNS_SET_COLUMN -> s.column = in.uleb();
                case DW_LNS_NEGATE_STMT -> s.statement = !s.statement;
                case DW_LNS_CONST_ADD_PC -> s.address += (long) ((255 - h.opcodeBase()) / h.lineRange()) * h.minInstructionLength();
                case DW_LNS_FIXED_ADVANCE_PC -> s.address += in.u16();
                default -> {
                    for (int i = 0; i < h.opcodeLengths()[opcode]; i++) {
                        in.uleb();
                    }
                }
            }
        }
        return sequences;
    }

    private static final class State {
        long address;
        long file = 1;
        long line = 1;
        long column;
        boolean statement;

        State(boolean statement) {
            this.statement = statement;
        }

        LineRow row(List<SourceLocation> files, boolean end) {
            SourceLocation f = index(files, file);
            return new LineRow(address & 0xFFFF_FFFFL, new SourceLocation(f.directory(), f.file(), line, column), statement, end);
        }

        private static SourceLocation index(List<SourceLocation> files, long file) {
            return file >= 0 && file < files.size() && files.get((int) file) != null ? files.get((int) file)
                    : new SourceLocation("", "?", 0, 0);
        }
    }
}
