package io.probehost.command.backtrace;

import java.util.List;

import io.probehost.flash.format.debug.Backtrace;
import io.probehost.flash.format.debug.StackFrame;

/** A backtrace as {@code target:backtrace} prints it: gdb's frame lines, then the fault in words. */
final class BacktraceText {

    private BacktraceText() {
    }

    /**
     * One line per frame ({@code #0 0x00000d92 in read_sensor at sensor.c:12}, an inlined call marked
     * {@code [inlined]}), why the walk ended, and the fault report's lines indented under {@code Fault:}.
     */
    static String format(Backtrace trace, List<String> fault) {
        StringBuilder text = new StringBuilder();
        for (StackFrame frame : trace.frames()) {
            text.append(frame);
            if (frame.kind() == StackFrame.Kind.INLINED) {
                text.append(" [inlined]");
            }
            text.append('\n');
        }
        text.append('(').append(trace.end()).append(')');
        if (!fault.isEmpty()) {
            text.append("\nFault:");
            fault.forEach(line -> text.append("\n  ").append(line));
        }
        return text.toString();
    }
}
