package io.probehost.flash.format.debug;

import java.util.List;

/**
 * A function the compiler inlined ({@code DW_TAG_inlined_subroutine}): its name, the code it
 * became, where it was called from, and the calls inlined into it in turn.
 */
public record InlinedCall(String name, List<AddressRange> ranges, SourceLocation callSite, List<InlinedCall> inlined) {

    public InlinedCall {
        ranges = List.copyOf(ranges);
        inlined = List.copyOf(inlined);
    }

    public boolean contains(long address) {
        return ranges.stream().anyMatch(r -> r.contains(address));
    }
}
