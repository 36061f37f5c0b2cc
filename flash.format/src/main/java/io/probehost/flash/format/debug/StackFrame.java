package io.probehost.flash.format.debug;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One frame of a backtrace. {@code pc} is where the frame's code resumes (for a caller, the return
 * address, as {@code gdb} prints it); {@code function} and {@code location} describe the
 * instruction being executed or the call being made. An {@link Kind#EXCEPTION} frame marks the
 * point where the hardware entered an exception handler: its {@code pc} is the EXC_RETURN value on
 * Cortex-M, the trapped instruction (mepc) on RISC-V, and {@code function} names the exception. {@code cfa} is the frame's canonical frame address (the
 * caller's stack pointer), known once the unwinder has stepped out of the frame.
 */
public record StackFrame(int index, Kind kind, long pc, RegisterValues registers, Optional<String> function,
        long functionOffset, Optional<SourceLocation> location, OptionalLong cfa) {

    /** This frame with its canonical frame address. */
    public StackFrame withCfa(long address) {
        return new StackFrame(index, kind, pc, registers, function, functionOffset, location, OptionalLong.of(address));
    }

    public enum Kind {
        /** The frame the core halted in. */
        INNERMOST,
        /** A frame that called the one above it. */
        CALLER,
        /** The boundary of a hardware exception (gdb's {@code <signal handler called>}). */
        EXCEPTION,
        /** The code an exception interrupted, resuming exactly at {@code pc}. */
        INTERRUPTED,
        /**
         * A function inlined into the next frame, which it shares the pc, the registers and the CFA
         * with; its location is the line being run, the next frame's is the inlined call.
         */
        INLINED
    }

    /** {@code #1 0x00000d92 in read_sensor at sensor.c:12}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(String.format("#%d 0x%08x in ", index, pc));
        text.append(kind == Kind.EXCEPTION ? "<" + function.orElse("exception") + ">" : function.orElse("??"));
        location.ifPresent(l -> text.append(" at ").append(l.fileName()).append(':').append(l.line()));
        return text.toString();
    }
}
