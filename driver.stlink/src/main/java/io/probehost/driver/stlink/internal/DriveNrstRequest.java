package io.probehost.driver.stlink.internal;

import java.nio.ByteBuffer;

/** APIV2_DRIVE_NRST ({@code F2 3C state}): 0 drives nRESET low, 1 releases it, 2 pulses it. */
record DriveNrstRequest(int state) implements StlinkCommand<Void> {
    static final int LOW = 0;
    static final int HIGH = 1;

    @Override
    public String name() {
        return "DRIVE_NRST " + state;
    }

    @Override
    public void encode(ByteBuffer block) {
        DebugCommand.APIV2_DRIVE_NRST.put(block);
        block.put((byte) state);
    }

    @Override
    public int replyLength() {
        return 2;
    }

    @Override
    public Void decode(ByteBuffer reply) {
        return null;
    }
}
