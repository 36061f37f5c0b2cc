package io.probehost.sim.mcu.bus;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.MemoryPort;

/** Plain read/write memory (RAM) backed by a byte array, little-endian. */
public final class Memory implements MemoryPort {
    private final byte[] bytes;

    public Memory(int size) {
        this.bytes = new byte[size];
    }

    public byte[] bytes() {
        return bytes;
    }

    @Override
    public int read(int offset, AccessSize size) throws BusFault {
        return LittleEndian.get(bytes, offset, size.bytes());
    }

    @Override
    public void write(int offset, AccessSize size, int value) throws BusFault {
        LittleEndian.put(bytes, offset, size.bytes(), value);
    }
}
