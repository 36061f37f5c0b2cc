package io.probehost.driver.cmsisdap.internal;

import java.nio.ByteBuffer;

/** DAP_JTAG_IDCODE: the IDCODE of one TAP of the configured chain. */
record JtagIdcodeRequest(int tapIndex) implements DapCommand<Integer> {

    @Override
    public CommandId id() {
        return CommandId.JTAG_IDCODE;
    }

    @Override
    public void writeArguments(ByteBuffer out) {
        out.put((byte) tapIndex);
    }

    @Override
    public Integer readReply(ByteBuffer in) {
        DapStatus.check(in.get(), id());
        return in.getInt();
    }
}
