package io.probehost.flash.format.debug;

/**
 * One row of a DWARF line-number matrix: the first code address of a run of instructions, its
 * source position, whether it is a recommended breakpoint location ({@code is_stmt}), and whether
 * it ends a sequence (its address is then the first one past the sequence).
 */
public record LineRow(long address, SourceLocation location, boolean statement, boolean endSequence) {
}
