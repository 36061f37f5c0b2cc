package io.probehost.firmware;

import java.util.Arrays;

/** A little-endian byte array at a target address: the fuzz programs' scratch buffer. */
final class ScratchMemory {
    private final int base;
    private final byte[] bytes;

    ScratchMemory(int base, int[] words) {
        this.base = base;
        this.bytes = RttControlBlock.bytes(words);
    }

    int read(int address, int size) {
        int offset = offset(address, size);
        int value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[offset + i] & 0xFF);
        }
        return value;
    }

    void write(int address, int size, int value) {
        int offset = offset(address, size);
        for (int i = 0; i < size; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    private int offset(int address, int size) {
        int offset = address - base;
        if (offset < 0 || offset + size > bytes.length || address % size != 0) {
            throw new IllegalArgumentException(String.format("access of %d bytes at 0x%08X is outside the scratch "
                    + "buffer or unaligned", size, address));
        }
        return offset;
    }

    ScratchMemory copy() {
        return new ScratchMemory(base, words());
    }

    int[] words() {
        int[] words = new int[bytes.length / 4];
        for (int i = 0; i < words.length; i++) {
            words[i] = read(base + 4 * i, 4);
        }
        return words;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScratchMemory memory && memory.base == base && Arrays.equals(memory.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return base * 31 + Arrays.hashCode(bytes);
    }
}
