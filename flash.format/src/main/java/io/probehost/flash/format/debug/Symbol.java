package io.probehost.flash.format.debug;

/**
 * A function or data object from the ELF {@code .symtab}. {@code address} is where it starts, with
 * the Thumb bit of Arm function symbols cleared ({@code thumb} keeps it); {@code size} is in bytes
 * (0 when the symbol gives none).
 */
public record Symbol(String name, long address, long size, Kind kind, boolean global, boolean thumb) {

    public enum Kind {
        FUNCTION, OBJECT
    }

    public boolean contains(long at) {
        return at >= address && at < address + size;
    }
}
