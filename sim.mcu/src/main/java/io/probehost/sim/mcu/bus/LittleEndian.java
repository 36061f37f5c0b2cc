package io.probehost.sim.mcu.bus;

/** Explicit little-endian packing of 1, 2 or 4 byte values. */
public final class LittleEndian {
    private LittleEndian() {
    }

    public static int get(byte[] bytes, int offset, int count) {
        int value = 0;
        for (int i = count - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[offset + i] & 0xFF);
        }
        return value;
    }

    public static void put(byte[] bytes, int offset, int count, int value) {
        for (int i = 0; i < count; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    /** The {@code size}-byte lane of a word register at byte offset {@code offset & 3}. */
    public static int lane(int word, int offset, int size) {
        int shifted = word >>> (8 * (offset & 3));
        return size == 4 ? shifted : shifted & ((1 << (8 * size)) - 1);
    }
}
