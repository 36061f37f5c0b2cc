package io.probehost.rtt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * Joins an up and a down channel to a byte stream, such as a TCP connection: each {@link #transfer}
 * sends what the up channel holds and puts what the stream has ready into the down channel.
 */
public final class RttBridge {
    private static final int MAX_INPUT = 1024;
    private final RttClient client;
    private final int up;
    private final int down;
    private final Duration blockLimit;

    /** {@code down} below 0: the stream's input is read and dropped (a control block without down channels). */
    public RttBridge(RttClient client, int up, int down, Duration blockLimit) {
        this.client = client;
        this.up = up;
        this.down = down;
        this.blockLimit = blockLimit;
    }

    /**
     * One round of a stream (which ends with {@link RttClient#handBack}): up-channel bytes to {@code toStream}, ready bytes of {@code fromStream} to the down channel.
     *
     * @return how many bytes moved, both ways together; a caller pauses when none did
     */
    public int transfer(InputStream fromStream, OutputStream toStream) throws IOException {
        byte[] data = client.poll(up);
        if (data.length > 0) {
            toStream.write(data);
            toStream.flush();
        }
        int ready = Math.min(fromStream.available(), MAX_INPUT);
        if (ready == 0) {
            return data.length;
        }
        byte[] input = fromStream.readNBytes(ready);
        if (down >= 0) {
            client.write(down, input, blockLimit);
        }
        return data.length + input.length;
    }
}
