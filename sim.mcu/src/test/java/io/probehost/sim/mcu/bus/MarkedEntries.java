package io.probehost.sim.mcu.bus;

import java.util.Arrays;
import java.util.stream.IntStream;

/** Test help: every entry of a decode table set to a decode, then which entries a writer zeroed. */
public final class MarkedEntries {
    private final long[] entries;

    private MarkedEntries(long[] entries) {
        this.entries = entries;
    }

    /** Allocates {@code table}'s entries if needed and sets every one. */
    public static MarkedEntries of(DecodeTable table) {
        long[] entries = table.entries();
        Arrays.fill(entries, 7L);
        return new MarkedEntries(entries);
    }

    /** Indices of the entries zeroed since {@link #of}, ascending. */
    public int[] zeroed() {
        return IntStream.range(0, entries.length).filter(i -> entries[i] == 0).toArray();
    }

    /** The indices {@code first} to {@code last} inclusive. */
    public static int[] range(int first, int last) {
        return IntStream.rangeClosed(first, last).toArray();
    }

    /** Every index of a table over {@code bytes} bytes. */
    public static int[] all(int bytes) {
        return range(0, (bytes + 1) / 2 - 1);
    }
}
