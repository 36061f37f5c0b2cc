package io.probehost.driver.cmsisdap.internal;

import java.nio.ByteBuffer;

/** DAP_TransferConfigure: idle cycles after each transfer, WAIT retries and value-match retries. */
record TransferConfigureRequest(int idleCycles, int waitRetry, int matchRetry) implements DapCommand<Void> {

    /** pyOCD's defaults (cmsis_dap_core.transfer_configure): 2 idle cycles, 150 WAIT retries, no match retry. */
    static TransferConfigureRequest defaults() {
        return new TransferConfigureRequest(2, 150, 0);
    }

    @Override
    public CommandId id() {
        return CommandId.TRANSFER_CONFIGURE;
    }

    @Override
    public void writeArguments(ByteBuffer out) {
        out.put((byte) idleCycles).putShort((short) waitRetry).putShort((short) matchRetry);
    }

    @Override
    public Void readReply(ByteBuffer in) {
        DapStatus.check(in.get(), id());
        return null;
    }
}
