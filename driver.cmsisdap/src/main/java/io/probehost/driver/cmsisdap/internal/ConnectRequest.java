package io.probehost.driver.cmsisdap.internal;

import java.nio.ByteBuffer;

import io.probehost.api.ProtocolException;

/** DAP_Connect: configures the pins for SWD or JTAG; answers the port initialised, NONE on failure. */
record ConnectRequest(DapPort port) implements DapCommand<DapPort> {

    @Override
    public CommandId id() {
        return CommandId.CONNECT;
    }

    @Override
    public void writeArguments(ByteBuffer out) {
        out.put((byte) port.code());
    }

    @Override
    public DapPort readReply(ByteBuffer in) {
        int code = in.get() & 0xFF;
        try {
            return DapPort.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(String.format("CMSIS-DAP protocol error: %s answered port 0x%02X", id(), code));
        }
    }
}
