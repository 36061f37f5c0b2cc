package io.probehost.dapserver.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import io.probehost.flash.format.debug.DebugInfo;
import io.probehost.flash.format.debug.Function;
import io.probehost.flash.format.debug.LineRow;
import io.probehost.flash.format.debug.SourceLocation;
import io.probehost.flash.format.debug.Symbol;

/**
 * What the debugger asks of the program's ELF: the addresses of a source line or a function (after
 * its opening line, as gdb's {@code break FUNCTION} does), the source position of an address with a
 * file the client can open, and whether an address starts a statement (where a source step stops).
 */
final class ProgramInfo {
    /** How many lines below the one asked a line breakpoint may move to find code, as IDEs expect. */
    static final int LINES_TO_SEARCH = 20;

    private final DebugInfo info;
    private final Path folder;
    private final Set<Long> statements = new HashSet<>();

    /** @param folder the ELF's folder, where sources whose DWARF path does not exist here are looked for */
    ProgramInfo(DebugInfo info, Path folder) {
        this.info = info;
        this.folder = folder;
        for (List<LineRow> sequence : info.lines().sequences()) {
            for (LineRow row : sequence) {
                if (row.statement() && !row.endSequence()) {
                    statements.add(row.address());
                }
            }
        }
    }

    static ProgramInfo read(Path elf) {
        Path absolute = elf.toAbsolutePath();
        return new ProgramInfo(DebugInfo.read(absolute), absolute.getParent());
    }

    DebugInfo debugInfo() {
        return info;
    }

    /** A line breakpoint: the line that has code at or below {@code line} (within {@value #LINES_TO_SEARCH}), and its addresses. */
    Optional<LineAddresses> lineAddresses(String path, long line) {
        for (long candidate = line; candidate < line + LINES_TO_SEARCH; candidate++) {
            List<Long> addresses = info.lines().addresses(path, candidate);
            if (addresses.isEmpty()) {
                addresses = info.lines().addresses(fileName(path), candidate);
            }
            if (!addresses.isEmpty()) {
                return Optional.of(new LineAddresses(candidate, addresses));
            }
        }
        return Optional.empty();
    }

    /** A source line and the addresses a breakpoint on it covers. */
    record LineAddresses(long line, List<Long> addresses) {
    }

    /**
     * Where {@code break NAME} stops: past the function's opening line when its first instructions belong
     * to the declaration (the frame is set up there), else its first instruction; from the symbol
     * table when DWARF does not know the function.
     */
    OptionalLong functionAddress(String name) {
        Optional<Function> function = info.functions().stream().filter(f -> f.name().equals(name)).findFirst();
        if (function.isEmpty()) {
            return info.symbols().symbol(name).filter(s -> s.kind() == Symbol.Kind.FUNCTION)
                    .map(s -> OptionalLong.of(s.address())).orElse(OptionalLong.empty());
        }
        Function f = function.get();
        Optional<SourceLocation> first = info.lines().locate(f.lowPc());
        long declared = f.declaration().line();
        if (first.isEmpty() || declared == 0 || first.get().line() < declared || first.get().line() > declared + 1) {
            return OptionalLong.of(f.lowPc());
        }
        long opening = first.get().line();
        return OptionalLong.of(statements.stream().filter(a -> a > f.lowPc() && a < f.highPc())
                .filter(a -> info.lines().locate(a).map(l -> l.line() != opening).orElse(false))
                .min(Long::compare).orElse(f.lowPc()));
    }

    /** The source position of the instruction at {@code address}. */
    Optional<SourceLocation> location(long address) {
        return info.lines().locate(address);
    }

    /** True when a statement's code starts at {@code address}. */
    boolean startsStatement(long address) {
        return statements.contains(address);
    }

    /** The file to show for a location: its DWARF path when it exists here, else the file beside the ELF, else the DWARF path. */
    String sourcePath(SourceLocation location) {
        Path dwarf = Path.of(location.path());
        if (dwarf.isAbsolute() && Files.isRegularFile(dwarf)) {
            return dwarf.toString();
        }
        for (Path candidate : List.of(folder.resolve(location.path()), folder.resolve(location.fileName()))) {
            if (Files.isRegularFile(candidate)) {
                return candidate.normalize().toString();
            }
        }
        return location.path();
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
