package io.probehost.driver.cmsisdap.internal;

import java.nio.ByteBuffer;

/**
 * One CMSIS-DAP command: its ID, how its arguments are encoded and how its reply is read. The
 * {@link DapChannel} writes the ID byte and checks the echo; buffers are little-endian.
 *
 * @param <R> what the reply means
 */
interface DapCommand<R> {

    CommandId id();

    /** Writes the bytes that follow the command ID. */
    void writeArguments(ByteBuffer out);

    /**
     * Reads the reply, positioned just after the echoed ID. Running out of bytes is a short reply,
     * which the channel reports as a protocol error.
     */
    R readReply(ByteBuffer in);
}
