package io.probehost.driver.cmsisdap.internal;

import java.nio.ByteBuffer;

/** DAP_Delay: the probe waits the given microseconds (0..65535). */
record DelayRequest(int micros) implements DapCommand<Void> {

    DelayRequest {
        if (micros < 0 || micros > 0xFFFF) {
            throw new IllegalArgumentException("DAP_Delay takes 0 to 65535 microseconds, not " + micros);
        }
    }

    @Override
    public CommandId id() {
        return CommandId.DELAY;
    }

    @Override
    public void writeArguments(ByteBuffer out) {
        out.putShort((short) micros);
    }

    @Override
    public Void readReply(ByteBuffer in) {
        DapStatus.check(in.get(), id());
        return null;
    }
}
