package io.probehost.flash.format.debug;

import java.util.Map;

/**
 * The CFI row that holds at one code address: the canonical frame address is register
 * {@code cfaRegister} + {@code cfaOffset} (unless {@code cfaIsExpression}, which this library
 * cannot evaluate), and each listed register is recovered by its rule; registers not listed have
 * no rule here. {@code returnAddressRegister} names the column holding the return address.
 */
public record UnwindRow(long functionStart, int cfaRegister, long cfaOffset, boolean cfaIsExpression,
        Map<Integer, RegisterRule> rules, int returnAddressRegister) {

    public UnwindRow {
        rules = Map.copyOf(rules);
    }
}
