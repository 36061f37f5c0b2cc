package io.probehost.flash.format;

import java.util.Arrays;

/**
 * Bytes to be stored at consecutive addresses starting at {@code address}.
 *
 * @param address first target address (unsigned 32-bit values are kept as non-negative longs)
 * @param data    the bytes; never empty
 */
public record ImageSegment(long address, byte[] data) {

    public ImageSegment {
        if (address < 0) {
            throw new IllegalArgumentException("negative address " + address);
        }
        if (data.length == 0) {
            throw new IllegalArgumentException("empty segment at " + Hex.address(address));
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    /** One past the last address. */
    public long end() {
        return address + data.length;
    }

    /** The bytes in {@code [from, to)}, which must lie inside this segment. */
    public ImageSegment slice(long from, long to) {
        if (from < address || to > end() || from >= to) {
            throw new IllegalArgumentException("slice " + Hex.range(from, to) + " outside " + Hex.range(address, end()));
        }
        return new ImageSegment(from, Arrays.copyOfRange(data, (int) (from - address), (int) (to - address)));
    }

    void copyInto(byte[] target, int targetOffset, int sourceOffset, int length) {
        System.arraycopy(data, sourceOffset, target, targetOffset, length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImageSegment s && s.address == address && Arrays.equals(s.data, data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(address) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ImageSegment[" + Hex.range(address, end()) + ", " + data.length + " bytes]";
    }
}
