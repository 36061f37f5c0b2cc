package io.probehost.defmt;

/**
 * Where a log statement is written, from the DWARF variable {@code DEFMT_LOG_STATEMENT} at its index:
 * the enclosing function (the module path for Rust firmware), the source file and the line.
 */
public record DefmtLocation(String module, String file, long line) {
    @Override
    public String toString() {
        return module + " @ " + file + ":" + line;
    }
}
