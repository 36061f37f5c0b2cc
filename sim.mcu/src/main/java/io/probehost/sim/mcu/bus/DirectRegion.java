package io.probehost.sim.mcu.bus;

import io.probehost.sim.mcu.AccessSize;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Where a {@link DirectMemory} is mapped, the array it reads from and the array's {@link DecodeTable}:
 * bus accesses without dispatch. Bytes are assembled by hand: small enough to inline into every load
 * and store of the core. Stores mark the decode table.
 */
public final class DirectRegion {
    /** Little-endian words at any byte offset of the array, in one access. */
    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final int base;
    private final int size;
    private final byte[] bytes;
    private final boolean writable;
    private final DecodeTable decodeTable;

    DirectRegion(int base, int size, byte[] bytes, boolean writable, DecodeTable decodeTable) {
        this.base = base;
        this.size = Integer.compareUnsigned(size, bytes.length) < 0 ? size : bytes.length;
        this.bytes = bytes;
        this.writable = writable;
        this.decodeTable = decodeTable;
    }

    /** Bytes mapped and backed by the array. */
    int size() {
        return size;
    }

    /** Whether the {@code bytes}-byte access at {@code address} lies wholly inside this region. */
    public boolean covers(int address, int bytes) {
        return Integer.compareUnsigned(address - base, size - bytes) <= 0;
    }

    /** Whether stores may go to the array too (RAM), not only loads. */
    public boolean writable() {
        return writable;
    }

    /** The offset in the array, and so the index times two in {@link #decodeTable()}, of {@code address}. */
    public int offsetOf(int address) {
        return address - base;
    }

    /** The decode table of the array (offset 0 at this region's base). */
    public DecodeTable decodeTable() {
        return decodeTable;
    }

    /** A halfword at {@code address} (covered, any alignment), zero-extended. */
    public int readHalfword(int address) {
        int offset = address - base;
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8;
    }

    /** The word at {@code address} (four bytes covered, any alignment). */
    public int readWord(int address) {
        return (int) WORD.get(bytes, address - base);
    }

    /**
     * The little-endian word at {@code address} as an unsigned value if this region covers its four
     * bytes, else {@code notCovered} (a value outside 0..0xFFFFFFFF): the range check and the load in one.
     */
    public long readWordIfCovered(int address, long notCovered) {
        int offset = address - base;
        return Integer.compareUnsigned(offset, size - 4) <= 0 ? (int) WORD.get(bytes, offset) & 0xFFFF_FFFFL : notCovered;
    }

    /** A load at {@code address} (covered), zero-extended as {@link io.probehost.sim.mcu.MemoryPort#read}. */
    public int read(int address, AccessSize size) {
        int offset = address - base;
        int value = bytes[offset] & 0xFF;
        if (size != AccessSize.BYTE) {
            value |= (bytes[offset + 1] & 0xFF) << 8;
            if (size == AccessSize.WORD) {
                value |= (bytes[offset + 2] & 0xFF) << 16 | bytes[offset + 3] << 24;
            }
        }
        return value;
    }

    /** A store at {@code address} (covered, {@link #writable()}); marks the decode table. */
    public void write(int address, AccessSize size, int value) {
        int offset = address - base;
        bytes[offset] = (byte) value;
        if (size != AccessSize.BYTE) {
            bytes[offset + 1] = (byte) (value >>> 8);
            if (size == AccessSize.WORD) {
                bytes[offset + 2] = (byte) (value >>> 16);
                bytes[offset + 3] = (byte) (value >>> 24);
            }
        }
        decodeTable.changed(offset, size.bytes());
    }
}
