package io.probehost.flash.format.debug;

/**
 * How to recover one register of the caller from a CFI row ({@code DWARF 5} §6.4.1): undefined,
 * unchanged, saved at CFA + {@code value}, equal to CFA + {@code value}, copied from register
 * {@code value}, or given by a DWARF expression (which this library does not evaluate).
 */
public record RegisterRule(Kind kind, long value) {

    public enum Kind {
        UNDEFINED, SAME_VALUE, OFFSET, VAL_OFFSET, REGISTER, EXPRESSION, VAL_EXPRESSION
    }

    public static RegisterRule of(Kind kind, long value) {
        return new RegisterRule(kind, value);
    }
}
