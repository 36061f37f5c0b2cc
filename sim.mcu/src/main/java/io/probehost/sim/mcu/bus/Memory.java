package io.probehost.sim.mcu.bus;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.MemoryPort;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Plain read/write memory (RAM) backed by a byte array, little-endian. */
public final class Memory implements MemoryPort {
    private static final VarHandle HALFWORDS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private final byte[] bytes;

    public Memory(int size) {
        this.bytes = new byte[size];
    }

    public byte[] bytes() {
        return bytes;
    }

    @Override
    public int read(int offset, AccessSize size) throws BusFault {
        switch (size) {
            case BYTE: return bytes[offset] & 0xFF;
            case HALFWORD: return (short) HALFWORDS.get(bytes, offset) & 0xFFFF;
            default: return (int) WORDS.get(bytes, offset);
        }
    }

    @Override
    public void write(int offset, AccessSize size, int value) throws BusFault {
        switch (size) {
            case BYTE: bytes[offset] = (byte) value; break;
            case HALFWORD: HALFWORDS.set(bytes, offset, (short) value); break;
            default: WORDS.set(bytes, offset, value); break;
        }
    }
}
