package io.probehost.driver.cmsisdap.internal;

import java.nio.ByteBuffer;

/**
 * DAP_SWJ_Pins: drives the selected pins and answers every pin's level. Pin bits are those of
 * {@link io.probehost.api.probe.SwjControl}: SWCLK 0, SWDIO 1, TDI 2, TDO 3, nTRST 5, nRESET 7.
 */
record SwjPinsRequest(int output, int select, int waitMicros) implements DapCommand<Integer> {

    static final int MAX_WAIT_MICROS = 3_000_000;

    SwjPinsRequest {
        if (waitMicros < 0 || waitMicros > MAX_WAIT_MICROS) {
            throw new IllegalArgumentException("DAP_SWJ_Pins waits 0 to 3000000 microseconds, not " + waitMicros);
        }
    }

    @Override
    public CommandId id() {
        return CommandId.SWJ_PINS;
    }

    @Override
    public void writeArguments(ByteBuffer out) {
        out.put((byte) output).put((byte) select).putInt(waitMicros);
    }

    @Override
    public Integer readReply(ByteBuffer in) {
        return in.get() & 0xFF;
    }
}
