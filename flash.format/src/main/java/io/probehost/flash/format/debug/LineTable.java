package io.probehost.flash.format.debug;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every line-number sequence of an ELF file's {@code .debug_line}: code address to source position,
 * and source line to the addresses where a breakpoint stops at that line.
 */
public final class LineTable {

    private final List<List<LineRow>> sequences;

    /** @param sequences rows in program order, each list ending with its end-of-sequence row */
    public LineTable(List<List<LineRow>> sequences) {
        this.sequences = sequences.stream().filter(s -> s.size() > 1).map(List::copyOf)
                .sorted(Comparator.comparingLong(s -> s.get(0).address())).toList();
    }

    public List<List<LineRow>> sequences() {
        return sequences;
    }

    /**
     * The source position of the instruction at {@code address}: the last row at or below it in the
     * sequence that covers it, as {@code addr2line} answers.
     */
    public Optional<SourceLocation> locate(long address) {
        for (List<LineRow> sequence : sequences) {
            if (address < sequence.get(0).address() || address >= sequence.get(sequence.size() - 1).address()) {
                continue;
            }
            LineRow found = sequence.get(0);
            for (LineRow row : sequence) {
                if (row.address() > address) {
                    break;
                }
                if (!row.endSequence()) {
                    found = row;
                }
            }
            return Optional.of(found.location());
        }
        return Optional.empty();
    }

    /**
     * The addresses a debugger sets a breakpoint at for {@code file}:{@code line}: the first
     * statement row of each block of rows for that line (a line split by the optimiser gives several),
     * leaving out a row that the next statement row at the same address replaces, as gdb does.
     * {@code file} matches a full path, a path suffix after a {@code /}, or a bare file name.
     */
    public List<Long> addresses(String file, long line) {
        List<Long> addresses = new ArrayList<>();
        for (List<LineRow> sequence : sequences) {
            boolean inLine = false;
            for (int i = 0; i < sequence.size() - 1; i++) {
                LineRow row = sequence.get(i);
                LineRow next = sequence.get(i + 1);
                boolean empty = next.address() == row.address() && (next.statement() || next.endSequence());
                boolean match = row.location().line() == line && matches(row.location(), file);
                if (match && row.statement() && !empty && !inLine && !addresses.contains(row.address())) {
                    addresses.add(row.address());
                }
                if (!empty && (row.statement() || !match)) {
                    inLine = match;
                }
            }
        }
        addresses.sort(Long::compare);
        return addresses;
    }

    private static boolean matches(SourceLocation location, String file) {
        String path = location.path();
        return path.equals(file) || path.endsWith("/" + file) || location.file().equals(file);
    }
}
