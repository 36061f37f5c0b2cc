package io.probehost.command.backtrace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.probehost.flash.format.debug.Backtrace;
import io.probehost.flash.format.debug.RegisterValues;
import io.probehost.flash.format.debug.SourceLocation;
import io.probehost.flash.format.debug.StackFrame;
import io.probehost.flash.format.debug.StackFrame.Kind;

class BacktraceTextTest {

    private static StackFrame frame(int index, Kind kind, long pc, String function, String file, long line) {
        return new StackFrame(index, kind, pc, RegisterValues.empty(), Optional.ofNullable(function), 0,
                file == null ? Optional.empty() : Optional.of(new SourceLocation(".", file, line, 0)),
                OptionalLong.empty());
    }

    @Test
    void framesAsGdbPrintsThemInlinedCallsMarkedThenTheFaultIndented() {
        Backtrace trace = new Backtrace(List.of(
                frame(0, Kind.INLINED, 0xD92, "scale", "sensor.c", 5),
                frame(1, Kind.INNERMOST, 0xD92, "read_sensor", "sensor.c", 12),
                frame(2, Kind.EXCEPTION, 0xFFFF_FFF9L, "HardFault", null, 0),
                frame(3, Kind.INTERRUPTED, 0x1A4, null, null, 0)), "return address 0");
        assertEquals("#0 0x00000d92 in scale at sensor.c:5 [inlined]\n"
                + "#1 0x00000d92 in read_sensor at sensor.c:12\n"
                + "#2 0xfffffff9 in <HardFault>\n"
                + "#3 0x000001a4 in ??\n"
                + "(return address 0)\n"
                + "Fault:\n  In HardFault (exception 3)\n  Interrupted at pc 0x00000d92",
                BacktraceText.format(trace, List.of("In HardFault (exception 3)", "Interrupted at pc 0x00000d92")));
    }

    @Test
    void noFaultSectionOutsideAnException() {
        Backtrace trace = new Backtrace(List.of(frame(0, Kind.INNERMOST, 0x100, "main", "main.c", 3)), "128 frames");
        assertEquals("#0 0x00000100 in main at main.c:3\n(128 frames)", BacktraceText.format(trace, List.of()));
    }
}
