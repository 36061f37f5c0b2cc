package io.probehost.driver.cmsisdap.internal;

import java.nio.ByteBuffer;

/** DAP_WriteABORT: writes the DP ABORT register of one DAP, outside any queued transfer. */
record WriteAbortRequest(int dapIndex, int value) implements DapCommand<Void> {

    @Override
    public CommandId id() {
        return CommandId.WRITE_ABORT;
    }

    @Override
    public void writeArguments(ByteBuffer out) {
        out.put((byte) dapIndex).putInt(value);
    }

    @Override
    public Void readReply(ByteBuffer in) {
        DapStatus.check(in.get(), id());
        return null;
    }
}
