package io.probehost.rtt;

import io.probehost.api.debug.MemoryInterface;

/** A flat little-endian RAM at {@code base} that a test fills like target firmware would. */
final class FakeMemory implements MemoryInterface {
    private final long base;
    private final byte[] ram;

    FakeMemory(long base, int size) {
        this.base = base;
        this.ram = new byte[size];
    }

    @Override
    public int read8(long address) {
        return ram[index(address)] & 0xFF;
    }

    @Override
    public int read16(long address) {
        return read8(address) | read8(address + 1) << 8;
    }

    @Override
    public int read32(long address) {
        return read16(address) | read16(address + 2) << 16;
    }

    @Override
    public void write8(long address, int value) {
        ram[index(address)] = (byte) value;
    }

    @Override
    public void write16(long address, int value) {
        write8(address, value);
        write8(address + 1, value >>> 8);
    }

    @Override
    public void write32(long address, int value) {
        write16(address, value);
        write16(address + 2, value >>> 16);
    }

    @Override
    public void read(long address, byte[] destination, int offset, int length) {
        System.arraycopy(ram, index(address), destination, offset, length);
    }

    @Override
    public void write(long address, byte[] source, int offset, int length) {
        System.arraycopy(source, offset, ram, index(address), length);
    }

    @Override
    public void flush() {
    }

    private int index(long address) {
        if (address < base || address >= base + ram.length) {
            throw new IllegalArgumentException(String.format("0x%08X is outside the fake RAM", address));
        }
        return (int) (address - base);
    }
}
