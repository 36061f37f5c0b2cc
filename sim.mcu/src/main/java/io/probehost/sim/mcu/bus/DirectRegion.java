package io.probehost.sim.mcu.bus;

import io.probehost.sim.mcu.AccessSize;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Where a {@link DirectMemory} is mapped and the array it reads from: bus accesses without dispatch. */
public final class DirectRegion {
    private static final VarHandle HALFWORDS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final int base;
    private final int size;
    private final byte[] bytes;
    private final boolean writable;

    DirectRegion(int base, int size, byte[] bytes, boolean writable) {
        this.base = base;
        this.size = Math.min(size, bytes.length);
        this.bytes = bytes;
        this.writable = writable;
    }

    /** Whether the {@code bytes}-byte access at {@code address} lies wholly inside this region. */
    public boolean covers(int address, int bytes) {
        return Integer.compareUnsigned(address - base, size - bytes) <= 0;
    }

    /** Whether stores may go to the array too (RAM), not only loads. */
    public boolean writable() {
        return writable;
    }

    /** A halfword at {@code address} (covered, any alignment), zero-extended. */
    public int readHalfword(int address) {
        return (short) HALFWORDS.get(bytes, address - base) & 0xFFFF;
    }

    /** A load at {@code address} (covered), zero-extended as {@link io.probehost.sim.mcu.MemoryPort#read}. */
    public int read(int address, AccessSize size) {
        int offset = address - base;
        switch (size) {
            case BYTE: return bytes[offset] & 0xFF;
            case HALFWORD: return (short) HALFWORDS.get(bytes, offset) & 0xFFFF;
            default: return (int) WORDS.get(bytes, offset);
        }
    }

    /** A store at {@code address} (covered, {@link #writable()}). */
    public void write(int address, AccessSize size, int value) {
        int offset = address - base;
        switch (size) {
            case BYTE: bytes[offset] = (byte) value; break;
            case HALFWORD: HALFWORDS.set(bytes, offset, (short) value); break;
            default: WORDS.set(bytes, offset, value); break;
        }
    }
}
