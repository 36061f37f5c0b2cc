package io.probehost.sim.mcu.bus;

import java.util.Arrays;

/**
 * The decode table beside one memory array: one {@code long} per halfword (index = byte offset / 2),
 * 0 meaning "not decoded". The core stores what it likes in an entry (any non-zero value) for the
 * instruction that starts at that halfword and may be up to four bytes long; every writer of the
 * array calls {@link #changed} or {@link #changedAll} after changing bytes, which zeroes the entries
 * whose instruction overlaps them. The table is allocated on the first {@link #entries()} call, so an
 * array nobody executes from costs nothing but this object. A change that zeroes a non-zero entry
 * (code the core decoded) also counts in {@link #codeChanges()} and tells the listener. Not
 * synchronised: the chip's lock serialises the core and the writers.
 */
public final class DecodeTable {
    private static final Runnable NOBODY = () -> { };

    private final int halfwords;
    private long[] entries;
    private int codeChanges;
    private Runnable codeChangeListener = NOBODY;

    /** A table for an array of {@code bytes} bytes. */
    public DecodeTable(int bytes) {
        this.halfwords = (bytes + 1) >>> 1;
    }

    /** The entries, allocated (all 0) on the first call; the same array afterwards, cleared in place. */
    public long[] entries() {
        long[] table = entries;
        if (table == null) {
            table = new long[halfwords];
            entries = table;
        }
        return table;
    }

    /**
     * How many changes so far zeroed a non-zero entry (or, by {@link #changedAll}, may have): while
     * it stays the same, every entry the core set is still set.
     */
    public int codeChanges() {
        return codeChanges;
    }

    /**
     * {@code listener} runs after every change that zeroes a non-zero entry (one listener: the core
     * that executes from this array), before the writer goes on.
     */
    public void onCodeChange(Runnable listener) {
        codeChangeListener = listener;
    }

    /**
     * Bytes [{@code offset}, {@code offset + length}) of the array changed: zeroes the entries of
     * halfwords {@code (offset - 2) / 2} to {@code (offset + length - 1) / 2} (a four-byte instruction
     * starting one halfword before the change overlaps it), clipped to the table. No-op while unallocated.
     */
    public void changed(int offset, int length) {
        long[] table = entries;
        if (table != null) {
            zero(table, offset, length); // apart, so that this test stays small enough to inline into every store
        }
    }

    private void zero(long[] table, int offset, int length) {
        if (length <= 0) {
            return;
        }
        int end = Math.min(table.length, ((offset + length - 1) >>> 1) + 1);
        boolean decoded = false;
        for (int i = Math.max(0, offset - 2) >>> 1; i < end; i++) {
            decoded |= table[i] != 0;
            table[i] = 0;
        }
        if (decoded) {
            codeChanged();
        }
    }

    /** Every byte of the array may have changed: zeroes every entry. */
    public void changedAll() {
        long[] table = entries;
        if (table != null) {
            Arrays.fill(table, 0L);
            codeChanged();
        }
    }

    private void codeChanged() {
        codeChanges++;
        codeChangeListener.run();
    }
}
