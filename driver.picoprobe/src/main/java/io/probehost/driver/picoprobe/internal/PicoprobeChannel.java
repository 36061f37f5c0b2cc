package io.probehost.driver.picoprobe.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.probehost.api.ProtocolException;

/**
 * The one place packets are sent: tags the commands with ids (0..255, running on across packets
 * as pyOCD counts them), sends the packet, and when it read bits reads the response and checks it:
 * the length field against the bytes received, and each echo header (id, READ_BITS, bit count)
 * against the command it answers. Logs both directions in hex at TRACE.
 */
final class PicoprobeChannel implements AutoCloseable {
    private static final Logger LOG = System.getLogger("io.probehost.driver.picoprobe");

    private final PicoprobeTransport transport;
    private final String probeName;
    private int nextId;

    PicoprobeChannel(PicoprobeTransport transport, String probeName) {
        this.transport = transport;
        this.probeName = probeName;
    }

    /** Sends the packet; returns the data of each READ_BITS, in order (empty when it read nothing). */
    List<byte[]> execute(PicoprobePacket packet) {
        int firstId = nextId;
        byte[] request = packet.encode(firstId);
        nextId = (nextId + packet.commands().size()) & 0xFF;
        trace(">", request, request.length);
        transport.write(request);
        if (!packet.hasReads()) {
            return List.of();
        }
        byte[] response = transport.read(PicoprobePacket.BUFFER_SIZE);
        trace("<", response, response.length);
        return parse(packet, firstId, response);
    }

    private List<byte[]> parse(PicoprobePacket packet, int firstId, byte[] response) {
        if (response.length < PicoprobePacket.LENGTH_BYTES) {
            throw new ProtocolException(probeName + " answered " + response.length + " bytes, too short for a response");
        }
        ByteBuffer in = ByteBuffer.wrap(response).order(ByteOrder.LITTLE_ENDIAN);
        int length = in.getInt();
        if (length != response.length || length != packet.responseBytes()) {
            throw new ProtocolException(String.format("%s answered %d bytes with a length field of %d; expected %d",
                    probeName, response.length, length, packet.responseBytes()));
        }
        List<byte[]> reads = new ArrayList<>();
        int id = firstId;
        for (PicoprobePacket.Command command : packet.commands()) {
            int expectedId = id++ & 0xFF;
            if (command.command() != PicoprobeCommand.READ_BITS) {
                continue;
            }
            int echoedId = in.get() & 0xFF;
            int echoedCode = in.get() & 0xFF;
            int echoedBits = in.getInt();
            if (echoedId != expectedId || echoedCode != PicoprobeCommand.READ_BITS.code()
                    || echoedBits != command.bits()) {
                throw new ProtocolException(String.format(
                        "%s echoed id %d, command %d, %d bits for READ_BITS id %d of %d bits", probeName, echoedId,
                        echoedCode, echoedBits, expectedId, command.bits()));
            }
            byte[] data = new byte[PicoprobePacket.byteCount(command.bits())];
            in.get(data);
            reads.add(data);
        }
        return reads;
    }

    private static void trace(String direction, byte[] bytes, int length) {
        if (LOG.isLoggable(Level.TRACE)) {
            LOG.log(Level.TRACE, direction + " " + HexFormat.ofDelimiter(" ").formatHex(bytes, 0, length));
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}
