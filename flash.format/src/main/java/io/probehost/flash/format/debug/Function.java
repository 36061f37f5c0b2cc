package io.probehost.flash.format.debug;

import java.util.List;

/**
 * A function as {@code DW_TAG_subprogram} describes it: its name, the code range
 * {@code [lowPc, highPc)}, where it is declared, how to find its frame base, and its parameters and
 * locals (those of nested lexical blocks included, in declaration order).
 */
public record Function(String name, long lowPc, long highPc, SourceLocation declaration, VariableLocation frameBase,
        List<Variable> variables) {

    public Function {
        variables = List.copyOf(variables);
    }

    public boolean contains(long address) {
        return address >= lowPc && address < highPc;
    }
}
