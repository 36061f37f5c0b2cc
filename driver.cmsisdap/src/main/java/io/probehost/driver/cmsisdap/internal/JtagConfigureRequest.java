package io.probehost.driver.cmsisdap.internal;

import java.nio.ByteBuffer;

/** DAP_JTAG_Configure: the IR length of every TAP on the chain, index 0 nearest TDO. */
record JtagConfigureRequest(int[] irLengths) implements DapCommand<Void> {

    JtagConfigureRequest {
        if (irLengths.length == 0 || irLengths.length > 255) {
            throw new IllegalArgumentException("DAP_JTAG_Configure takes 1 to 255 devices, not " + irLengths.length);
        }
        irLengths = irLengths.clone();
    }

    @Override
    public CommandId id() {
        return CommandId.JTAG_CONFIGURE;
    }

    @Override
    public void writeArguments(ByteBuffer out) {
        out.put((byte) irLengths.length);
        for (int length : irLengths) {
            out.put((byte) length);
        }
    }

    @Override
    public Void readReply(ByteBuffer in) {
        DapStatus.check(in.get(), id());
        return null;
    }
}
