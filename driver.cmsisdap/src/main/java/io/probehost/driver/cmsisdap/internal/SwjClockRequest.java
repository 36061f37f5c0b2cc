package io.probehost.driver.cmsisdap.internal;

import java.nio.ByteBuffer;

/** DAP_SWJ_Clock: sets SWCLK/TCK; the probe picks the nearest clock not above the request. */
record SwjClockRequest(long clockHz) implements DapCommand<Void> {

    SwjClockRequest {
        if (clockHz <= 0 || clockHz > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("DAP_SWJ_Clock takes 1 Hz to 4294967295 Hz, not " + clockHz);
        }
    }

    @Override
    public CommandId id() {
        return CommandId.SWJ_CLOCK;
    }

    @Override
    public void writeArguments(ByteBuffer out) {
        out.putInt((int) clockHz);
    }

    @Override
    public Void readReply(ByteBuffer in) {
        DapStatus.check(in.get(), id());
        return null;
    }
}
