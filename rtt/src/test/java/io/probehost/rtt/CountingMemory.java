package io.probehost.rtt;

import io.probehost.api.debug.MemoryInterface;

/** A {@link MemoryInterface} that counts the reads it passes on: a test's view of the transfers a poll costs. */
final class CountingMemory implements MemoryInterface {
    private final MemoryInterface memory;
    int reads;
    /** Where each read since the list was last cleared began. */
    final java.util.List<Long> readAddresses = new java.util.ArrayList<>();

    CountingMemory(MemoryInterface memory) {
        this.memory = memory;
    }

    @Override
    public int read8(long address) {
        reads++;
        readAddresses.add(address);
        return memory.read8(address);
    }

    @Override
    public int read16(long address) {
        reads++;
        readAddresses.add(address);
        return memory.read16(address);
    }

    @Override
    public int read32(long address) {
        reads++;
        readAddresses.add(address);
        return memory.read32(address);
    }

    @Override
    public void write8(long address, int value) {
        memory.write8(address, value);
    }

    @Override
    public void write16(long address, int value) {
        memory.write16(address, value);
    }

    @Override
    public void write32(long address, int value) {
        memory.write32(address, value);
    }

    @Override
    public void read(long address, byte[] destination, int offset, int length) {
        reads++;
        readAddresses.add(address);
        memory.read(address, destination, offset, length);
    }

    @Override
    public void write(long address, byte[] source, int offset, int length) {
        memory.write(address, source, offset, length);
    }

    @Override
    public void flush() {
        memory.flush();
    }
}
