package io.probehost.driver.stlink.internal;

import java.nio.ByteBuffer;

/**
 * One ST-Link wire command: a 16-byte command block, an optional OUT data phase and a reply of a
 * fixed length. {@link StlinkChannel} sends it and checks the status byte when the reply has one.
 *
 * @param <R> what the reply decodes to
 */
interface StlinkCommand<R> {

    /** The command's name for logs and errors, as the protocol note spells it. */
    String name();

    /** Writes the block from byte 0 (little-endian buffer of 16 bytes, zero-filled). */
    void encode(ByteBuffer block);

    /** Bytes sent after the block (WRITEMEM); empty for most commands. */
    default byte[] dataOut() {
        return new byte[0];
    }

    /** Bytes read back; 0 for commands without an IN phase. */
    int replyLength();

    /** Whether reply byte 0 is a status the channel must check. */
    default boolean hasStatus() {
        return replyLength() > 0;
    }

    /** Decodes the reply (little-endian, positioned at byte 0). */
    R decode(ByteBuffer reply);
}
