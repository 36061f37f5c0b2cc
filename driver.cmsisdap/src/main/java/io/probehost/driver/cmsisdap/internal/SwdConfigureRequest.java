package io.probehost.driver.cmsisdap.internal;

import java.nio.ByteBuffer;

/**
 * DAP_SWD_Configure: turnaround cycles (1..4) and whether a data phase follows WAIT/FAULT (needed
 * only with DP overrun detection on).
 */
record SwdConfigureRequest(int turnaroundCycles, boolean dataPhase) implements DapCommand<Void> {

    SwdConfigureRequest {
        if (turnaroundCycles < 1 || turnaroundCycles > 4) {
            throw new IllegalArgumentException("SWD turnaround is 1 to 4 cycles, not " + turnaroundCycles);
        }
    }

    static SwdConfigureRequest defaults() {
        return new SwdConfigureRequest(1, false);
    }

    @Override
    public CommandId id() {
        return CommandId.SWD_CONFIGURE;
    }

    @Override
    public void writeArguments(ByteBuffer out) {
        out.put((byte) ((turnaroundCycles - 1) | (dataPhase ? 1 << 2 : 0)));
    }

    @Override
    public Void readReply(ByteBuffer in) {
        DapStatus.check(in.get(), id());
        return null;
    }
}
