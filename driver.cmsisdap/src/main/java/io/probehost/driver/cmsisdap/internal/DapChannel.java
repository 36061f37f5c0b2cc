package io.probehost.driver.cmsisdap.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import io.probehost.api.ProtocolException;

/**
 * The one place DAP packets are sent and received: encodes a command, checks that the reply
 * echoes its ID and is long enough, and logs both directions in hex at TRACE. Requests may be
 * sent ahead of their replies ({@link #send} then {@link #receive}); replies come back in order.
 */
final class DapChannel implements AutoCloseable {
    private static final Logger LOG = System.getLogger("io.probehost.driver.cmsisdap");
    /** Larger than any packet the spec allows, so that a too-long request is caught, not overflowed. */
    private static final int ENCODE_BUFFER_BYTES = 65_536 + 16;

    private final DapTransport transport;
    private final ByteBuffer request = ByteBuffer.allocate(ENCODE_BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private byte[] reply = new byte[0];

    DapChannel(DapTransport transport) {
        this.transport = transport;
    }

    DapTransport transport() {
        return transport;
    }

    int packetSize() {
        return transport.packetSize();
    }

    void setPacketSize(int packetSize) {
        transport.setPacketSize(packetSize);
    }

    /** Sends a command and waits for its reply. Nothing else may be in flight. */
    <R> R execute(DapCommand<R> command) {
        send(command);
        return receive(command);
    }

    /** Sends a command's request packet without waiting for the reply. */
    void send(DapCommand<?> command) {
        request.clear();
        request.put((byte) command.id().code());
        command.writeArguments(request);
        int length = request.position();
        if (length > packetSize()) {
            throw new IllegalArgumentException(String.format("a %d-byte %s request does not fit the probe's %d-byte packets",
                    length, command.id(), packetSize()));
        }
        byte[] bytes = request.array();
        if (LOG.isLoggable(Level.TRACE)) {
            LOG.log(Level.TRACE, "> " + Hex.of(bytes, 0, length));
        }
        transport.write(bytes, length);
    }

    /** Reads the reply to a command sent earlier (replies come in the order requests went). */
    <R> R receive(DapCommand<R> command) {
        if (reply.length < transport.readBufferSize()) {
            reply = new byte[transport.readBufferSize()];
        }
        int length = transport.read(reply);
        if (LOG.isLoggable(Level.TRACE)) {
            LOG.log(Level.TRACE, "< " + Hex.of(reply, 0, length));
        }
        if (length < 1) {
            throw new ProtocolException("CMSIS-DAP protocol error: empty reply to " + command.id());
        }
        int echo = reply[0] & 0xFF;
        if (echo != command.id().code()) {
            if (echo == CommandId.INVALID) {
                throw new ProtocolException("CMSIS-DAP probe does not implement " + command.id());
            }
            throw new ProtocolException(String.format("CMSIS-DAP protocol error: sent %s but the reply echoes 0x%02X",
                    command.id(), echo));
        }
        try {
            return command.readReply(ByteBuffer.wrap(reply, 1, length - 1).slice().order(ByteOrder.LITTLE_ENDIAN));
        } catch (BufferUnderflowException e) {
            throw new ProtocolException(String.format("CMSIS-DAP protocol error: the reply to %s is too short (%d bytes)",
                    command.id(), length));
        }
    }

    /** Sends a command that has no reply (DAP_TransferAbort). */
    void sendWithoutReply(DapCommand<?> command) {
        send(command);
    }

    @Override
    public void close() {
        transport.close();
    }
}
