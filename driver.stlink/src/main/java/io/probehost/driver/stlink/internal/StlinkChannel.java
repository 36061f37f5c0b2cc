package io.probehost.driver.stlink.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;

import io.probehost.api.ProtocolException;

/**
 * The one place ST-Link commands are sent: encodes the 16-byte block, sends the data phase,
 * reads the reply, logs every direction in hex at TRACE, and checks the status byte. WAIT
 * answers are retried up to {@link #WAIT_RETRIES} times (as OpenOCD does) before they throw.
 */
final class StlinkChannel implements AutoCloseable {
    static final int BLOCK_BYTES = 16;
    static final int WAIT_RETRIES = 8;
    private static final Logger LOG = System.getLogger("io.probehost.driver.stlink");

    private final StlinkTransport transport;
    private volatile StlinkVersion version;

    StlinkChannel(StlinkTransport transport) {
        this.transport = transport;
    }

    /** The firmware, once known, so that errors can name it. */
    void setVersion(StlinkVersion version) {
        this.version = version;
    }

    StlinkVersion version() {
        return version;
    }

    <R> R execute(StlinkCommand<R> command) {
        for (int attempt = 0;; attempt++) {
            ByteBuffer reply = exchange(command);
            if (command.hasStatus()) {
                StlinkStatus status = statusOf(reply.get(0) & 0xFF, command);
                if (status != StlinkStatus.OK) {
                    if (status.isWait() && attempt < WAIT_RETRIES) {
                        continue;
                    }
                    throw StlinkErrors.of(status, command.name(), version);
                }
            }
            return command.decode(reply);
        }
    }

    private ByteBuffer exchange(StlinkCommand<?> command) {
        ByteBuffer block = ByteBuffer.allocate(BLOCK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        command.encode(block);
        send(block.array());
        byte[] data = command.dataOut();
        if (data.length > 0) {
            send(data);
        }
        if (command.replyLength() == 0) {
            return ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
        }
        byte[] reply = transport.read(command.replyLength());
        if (LOG.isLoggable(Level.TRACE)) {
            LOG.log(Level.TRACE, "< " + HexFormat.ofDelimiter(" ").formatHex(reply));
        }
        if (reply.length < command.replyLength()) {
            throw new ProtocolException("ST-Link answered " + command.name() + " with " + reply.length
                    + " bytes; expected " + command.replyLength());
        }
        return ByteBuffer.wrap(reply).order(ByteOrder.LITTLE_ENDIAN);
    }

    private void send(byte[] bytes) {
        if (LOG.isLoggable(Level.TRACE)) {
            LOG.log(Level.TRACE, "> " + HexFormat.ofDelimiter(" ").formatHex(bytes));
        }
        transport.write(bytes);
    }

    private static StlinkStatus statusOf(int code, StlinkCommand<?> command) {
        try {
            return StlinkStatus.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(String.format("ST-Link answered %s with the unknown status 0x%02X",
                    command.name(), code));
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}
