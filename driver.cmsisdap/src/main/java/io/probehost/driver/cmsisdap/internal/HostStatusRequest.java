package io.probehost.driver.cmsisdap.internal;

import java.nio.ByteBuffer;

/** DAP_HostStatus: switches the probe's Connect or Running LED. */
record HostStatusRequest(Led led, boolean on) implements DapCommand<Void> {

    enum Led {
        CONNECT(0), RUNNING(1);

        private final int code;

        Led(int code) {
            this.code = code;
        }

        int code() {
            return code;
        }
    }

    @Override
    public CommandId id() {
        return CommandId.HOST_STATUS;
    }

    @Override
    public void writeArguments(ByteBuffer out) {
        out.put((byte) led.code()).put((byte) (on ? 1 : 0));
    }

    @Override
    public Void readReply(ByteBuffer in) {
        DapStatus.check(in.get(), id());
        return null;
    }
}
