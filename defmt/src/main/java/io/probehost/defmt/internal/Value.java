package io.probehost.defmt.internal;

import java.math.BigInteger;

/** An argument as it came off the wire, before a display hint renders it. */
sealed interface Value {
    /** An integer of any width, signed ones already negative; a bitfield holds the bytes read, in place. */
    record Int(BigInteger value) implements Value {
    }

    record Floating(double value, boolean single) implements Value {
    }

    record Bool(boolean value) implements Value {
    }

    record Char(int codePoint) implements Value {
    }

    /** A string sent whole ({@code str}) or by index ({@code istr}). */
    record Str(String text) implements Value {
    }

    record Bytes(byte[] bytes) implements Value {
    }

    /** Text already rendered: a nested Format value, a list of them, or target-formatted Debug/Display text. */
    record Rendered(String text) implements Value {
    }
}
