package io.probehost.sim.mcu.bus;

import io.probehost.sim.mcu.AccessSize;
import java.util.Arrays;

/**
 * A byte array, little-endian, and its {@link DecodeTable}: RAM mapped on the bus as it is, or the
 * storage behind a flash port. The array leaves only through {@link #directBytes()} for
 * {@link SystemBus#directRegions()} (whose regions mark the table on every store); every method here
 * that changes bytes marks the table too.
 */
public final class Memory implements DirectMemory {
    private final byte[] bytes;
    private final DecodeTable decodeTable;
    private final DirectRegion whole;

    public Memory(int size) {
        this.bytes = new byte[size];
        this.decodeTable = new DecodeTable(size);
        this.whole = new DirectRegion(0, size, bytes, true, decodeTable);
    }

    /** Bytes held. */
    public int size() {
        return bytes.length;
    }

    /** Never faults: the bus only passes offsets inside the mapping. */
    @Override
    public int read(int offset, AccessSize size) {
        return whole.read(offset, size);
    }

    @Override
    public void write(int offset, AccessSize size, int value) {
        whole.write(offset, size, value);
    }

    /** Copies {@code data} in at {@code offset} (a back door: no rule, no bus). */
    public void load(int offset, byte[] data) {
        System.arraycopy(data, 0, bytes, offset, data.length);
        decodeTable.changed(offset, data.length);
    }

    /** A copy of bytes [{@code offset}, {@code offset + length}). */
    public byte[] copy(int offset, int length) {
        return Arrays.copyOfRange(bytes, offset, offset + length);
    }

    /** Sets bytes [{@code offset}, {@code offset + length}) to {@code value}. */
    public void fill(int offset, int length, byte value) {
        Arrays.fill(bytes, offset, offset + length, value);
        decodeTable.changed(offset, length);
    }

    /** Sets every byte to {@code value}. */
    public void fill(byte value) {
        Arrays.fill(bytes, value);
        decodeTable.changedAll();
    }

    @Override
    public byte[] directBytes() {
        return bytes;
    }

    @Override
    public boolean writesDirectly() {
        return true;
    }

    @Override
    public DecodeTable decodeTable() {
        return decodeTable;
    }
}
