package io.probehost.rtt;

/**
 * Turns the bytes of an up channel into text for a terminal, as they arrive. A decoder keeps state
 * between calls: a frame or a UTF-8 sequence may be split across two reads.
 */
public interface RttStreamDecoder {
    /** The text these bytes complete; empty while a frame is still incomplete. */
    String decode(byte[] data, int offset, int length);

    /** The text still held at the end of the stream (for example an incomplete frame, reported); empty if none. */
    default String finish() {
        return "";
    }
}
