package io.probehost.sim.probe.cmsisdap;

import java.util.Arrays;

/** Builds a response, little-endian. */
final class PacketWriter {
    private byte[] buffer = new byte[256];
    private int position;

    void u8(int v) {
        ensure(1);
        buffer[position++] = (byte) v;
    }

    void u16(int v) {
        u8(v);
        u8(v >>> 8);
    }

    void u32(int v) {
        u16(v);
        u16(v >>> 16);
    }

    void bytes(byte[] data) {
        for (byte b : data) {
            u8(b);
        }
    }

    void set(int at, int v) {
        buffer[at] = (byte) v;
    }

    int position() {
        return position;
    }

    byte[] toArray() {
        return Arrays.copyOf(buffer, position);
    }

    private void ensure(int n) {
        if (position + n > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + n));
        }
    }
}
