package io.probehost.flash.format.debug;

import java.util.List;

/**
 * A function as {@code DW_TAG_subprogram} describes it: its name, the code range
 * {@code [lowPc, highPc)}, where it is declared, how to find its frame base, and its parameters and
 * locals (those of nested lexical blocks included, in declaration order), and the calls the
 * compiler inlined into it.
 */
public record Function(String name, long lowPc, long highPc, SourceLocation declaration, VariableLocation frameBase,
        List<Variable> variables, List<InlinedCall> inlined) {

    public Function {
        variables = List.copyOf(variables);
        inlined = List.copyOf(inlined);
    }

    /** The inlined calls whose code holds {@code address}, outermost first (empty when none does). */
    public List<InlinedCall> inlinedAt(long address) {
        List<InlinedCall> chain = new java.util.ArrayList<>();
        List<InlinedCall> level = inlined;
        boolean deeper = true;
        while (deeper) {
            deeper = false;
            for (InlinedCall call : level) {
                if (call.contains(address)) {
                    chain.add(call);
                    level = call.inlined();
                    deeper = true;
                    break;
                }
            }
        }
        return chain;
    }

    public boolean contains(long address) {
        return address >= lowPc && address < highPc;
    }
}
