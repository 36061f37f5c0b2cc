package io.probehost.driver.jlink.internal;

import java.nio.ByteBuffer;

/**
 * One J-Link wire command (EMU_CMD): the request bytes and how its answer is read, when it has one.
 * {@link JlinkChannel} sends it and logs both directions.
 *
 * @param <R> what the answer decodes to ({@link Void} for commands without one)
 */
interface JlinkCommand<R> {

    /** The command's name for logs and errors, as the protocol note spells it. */
    String name();

    /** The whole request, command byte first. */
    byte[] request();

    /** Reads the answer through {@code reply} and decodes it; commands without an answer read nothing. */
    R readReply(Reply reply);

    /** The probe's answer, read in exact lengths (little-endian buffers). */
    @FunctionalInterface
    interface Reply {
        ByteBuffer read(int length);
    }
}
