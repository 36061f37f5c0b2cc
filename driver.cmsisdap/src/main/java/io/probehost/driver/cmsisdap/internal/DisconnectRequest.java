package io.probehost.driver.cmsisdap.internal;

import java.nio.ByteBuffer;

/** DAP_Disconnect: puts the debug pins in high-Z. */
record DisconnectRequest() implements DapCommand<Void> {

    @Override
    public CommandId id() {
        return CommandId.DISCONNECT;
    }

    @Override
    public void writeArguments(ByteBuffer out) {
        // no arguments
    }

    @Override
    public Void readReply(ByteBuffer in) {
        DapStatus.check(in.get(), id());
        return null;
    }
}
