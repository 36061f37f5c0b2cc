package io.probehost.sim.mcu.bus;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;

/** Plain read/write memory (RAM) backed by a byte array, little-endian. */
public final class Memory implements DirectMemory {
    private final byte[] bytes;
    private final DirectRegion whole;

    public Memory(int size) {
        this.bytes = new byte[size];
        this.whole = new DirectRegion(0, size, bytes, true);
    }

    public byte[] bytes() {
        return bytes;
    }

    @Override
    public int read(int offset, AccessSize size) throws BusFault {
        return whole.read(offset, size);
    }

    @Override
    public void write(int offset, AccessSize size, int value) throws BusFault {
        whole.write(offset, size, value);
    }

    @Override
    public byte[] directBytes() {
        return bytes;
    }

    @Override
    public boolean writesDirectly() {
        return true;
    }
}
