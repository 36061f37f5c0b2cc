package io.probehost.driver.cmsisdap.internal;

import java.nio.ByteBuffer;

/** DAP_TransferAbort: stops a running transfer. The probe sends no reply to it. */
record TransferAbortRequest() implements DapCommand<Void> {

    @Override
    public CommandId id() {
        return CommandId.TRANSFER_ABORT;
    }

    @Override
    public void writeArguments(ByteBuffer out) {
        // no arguments
    }

    @Override
    public Void readReply(ByteBuffer in) {
        throw new UnsupportedOperationException("DAP_TransferAbort has no reply");
    }
}
