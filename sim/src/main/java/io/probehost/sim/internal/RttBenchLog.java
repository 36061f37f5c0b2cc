package io.probehost.sim.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's side of examples/rtt-bench.c's log: 32-byte lines {@code "SSSSSSSS TTTTTTTT p{13}\n"}
 * (sequence number, timestamp, thirteen letters that follow from the sequence), reassembled across
 * reads and checked. A line lost (skip mode) shows as a gap in the sequence; a cut or corrupted one
 * fails its pattern.
 */
final class RttBenchLog {
    static final int LINE = 32;

    /** One whole line: its sequence number and the firmware's timestamp. */
    record Line(long sequence, long stamp) {
    }

    private final byte[] partial = new byte[LINE];
    private int partialLength;
    private long expected = -1;
    private long lines;
    private long missing;
    private long corrupt;

    /** Adds what one read returned; returns the lines it completed. */
    List<Line> accept(byte[] data) {
        List<Line> completed = new ArrayList<>();
        for (byte b : data) {
            partial[partialLength++] = b;
            if (b == '\n' || partialLength == LINE) {
                check(completed);
                partialLength = 0;
            }
        }
        return completed;
    }

    private void check(List<Line> completed) {
        Line line = parse(partial, partialLength);
        if (line == null) {
            corrupt++;
            return;
        }
        if (expected >= 0 && line.sequence() != expected) {
            missing += (line.sequence() - expected) & 0xFFFF_FFFFL;
        }
        expected = (line.sequence() + 1) & 0xFFFF_FFFFL;
        lines++;
        completed.add(line);
    }

    /** The line in {@code data[0, length)}, or null when it is not a whole, well-formed one. */
    static Line parse(byte[] data, int length) {
        if (length != LINE || data[LINE - 1] != '\n' || data[8] != ' ' || data[17] != ' ') {
            return null;
        }
        String text = new String(data, 0, LINE, StandardCharsets.US_ASCII);
        long sequence;
        long stamp;
        try {
            sequence = Long.parseLong(text.substring(0, 8), 16);
            stamp = Long.parseLong(text.substring(9, 17), 16);
        } catch (NumberFormatException e) {
            return null;
        }
        for (int i = 0; i < 13; i++) {
            if (data[18 + i] != 'a' + ((sequence + i) & 15)) {
                return null;
            }
        }
        return new Line(sequence, stamp);
    }

    /** Whole, well-formed lines seen. */
    long lines() {
        return lines;
    }

    /** Lines missing between the first and the last seen (the sequence's gaps). */
    long missing() {
        return missing;
    }

    /** Lines cut or corrupted. */
    long corrupt() {
        return corrupt;
    }

    /** Bytes lost: the missing lines whole, and the corrupt ones. */
    long lostBytes() {
        return (missing + corrupt) * LINE;
    }
}
