package io.probehost.defmt.internal;

import java.math.BigInteger;

import io.probehost.defmt.DefmtException;

/** Little-endian reads over a frame's bytes; reading past the end throws {@link Truncated}. */
public final class ByteCursor {

    /** The frame ends before its last argument: in a raw stream, the rest has not arrived yet. */
    public static final class Truncated extends DefmtException {
        private static final long serialVersionUID = 1L;

        Truncated(int wanted, int left) {
            super("the frame ends early (" + wanted + " more bytes wanted, " + left + " left)");
        }
    }

    private final byte[] data;
    private final int limit;
    private int position;

    public ByteCursor(byte[] data, int from, int to) {
        this.data = data;
        this.position = from;
        this.limit = to;
    }

    public int position() {
        return position;
    }

    public int u8() {
        need(1);
        return data[position++] & 0xFF;
    }

    public int u16() {
        return (int) unsigned(2);
    }

    public long u32() {
        return unsigned(4);
    }

    /** {@code size} bytes as an unsigned little-endian number (up to 16 bytes). */
    public BigInteger integer(int size) {
        byte[] bigEndian = new byte[size + 1];
        need(size);
        for (int i = 0; i < size; i++) {
            bigEndian[size - i] = data[position + i];
        }
        position += size;
        return new BigInteger(bigEndian);
    }

    public byte[] bytes(long count) {
        need(count);
        byte[] out = new byte[(int) count];
        System.arraycopy(data, position, out, 0, out.length);
        position += out.length;
        return out;
    }

    /** The bytes up to a 0xFF terminator, which is consumed. */
    public byte[] untilFF() {
        int end = position;
        while (end < limit && data[end] != (byte) 0xFF) {
            end++;
        }
        if (end == limit) {
            throw new Truncated(1, 0);
        }
        byte[] out = bytes(end - position);
        position++;
        return out;
    }

    private long unsigned(int size) {
        need(size);
        long value = 0;
        for (int i = 0; i < size; i++) {
            value |= (data[position + i] & 0xFFL) << (8 * i);
        }
        position += size;
        return value;
    }

    private void need(long count) {
        if (count > limit - position) {
            throw new Truncated((int) Math.min(Integer.MAX_VALUE, count - (limit - position)), limit - position);
        }
    }
}
