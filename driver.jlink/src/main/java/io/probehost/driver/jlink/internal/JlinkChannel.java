package io.probehost.driver.jlink.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;

/**
 * The one place J-Link commands are sent: writes the request, reads the answer the command asks
 * for, and logs every direction in hex at TRACE. A command checks its own status byte.
 */
final class JlinkChannel implements AutoCloseable {
    private static final Logger LOG = System.getLogger("io.probehost.driver.jlink");
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private final JlinkTransport transport;

    JlinkChannel(JlinkTransport transport) {
        this.transport = transport;
    }

    <R> R execute(JlinkCommand<R> command) {
        byte[] request = command.request();
        if (LOG.isLoggable(Level.TRACE)) {
            LOG.log(Level.TRACE, command.name() + " > " + HEX.formatHex(request));
        }
        transport.write(request);
        return command.readReply(length -> {
            byte[] answer = transport.read(length);
            if (LOG.isLoggable(Level.TRACE)) {
                LOG.log(Level.TRACE, command.name() + " < " + HEX.formatHex(answer));
            }
            return ByteBuffer.wrap(answer).order(ByteOrder.LITTLE_ENDIAN);
        });
    }

    @Override
    public void close() {
        transport.close();
    }
}
