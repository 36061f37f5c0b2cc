package io.probehost.flash.format.debug;

import java.util.List;
import java.util.stream.Collectors;

/** The frames an unwind found, innermost first, and why it stopped where it did. */
public record Backtrace(List<StackFrame> frames, String end) {

    public Backtrace {
        frames = List.copyOf(frames);
    }

    @Override
    public String toString() {
        return frames.stream().map(StackFrame::toString).collect(Collectors.joining("\n")) + "\n(" + end + ")";
    }
}
