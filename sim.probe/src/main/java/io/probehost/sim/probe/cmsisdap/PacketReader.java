package io.probehost.sim.probe.cmsisdap;

/**
 * Reads a request as the firmware does from its fixed-size request buffer: past the bytes the host
 * sent, the buffer holds zeros.
 */
final class PacketReader {
    private final byte[] packet;
    private int position;

    PacketReader(byte[] packet) {
        this.packet = packet;
    }

    int u8() {
        int v = position < packet.length ? packet[position] & 0xFF : 0;
        position++;
        return v;
    }

    int u16() {
        return u8() | u8() << 8;
    }

    int u32() {
        return u8() | u8() << 8 | u8() << 16 | u8() << 24;
    }

    void skip(int n) {
        position += n;
    }

    /** The byte at an absolute offset, without moving. */
    int peek(int at) {
        return at < packet.length ? packet[at] & 0xFF : 0;
    }

    void seek(int to) {
        position = to;
    }

    int position() {
        return position;
    }
}
