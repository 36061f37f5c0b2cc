package io.probehost.driver.stlink.internal;

import java.nio.ByteBuffer;

/** GET_TARGET_VOLTAGE (0xF7): two u32 ADC readings; Vtarget = 2 · a1 · 1.2 / a0. */
record GetTargetVoltageRequest() implements StlinkCommand<Double> {
    @Override
    public String name() {
        return "GET_TARGET_VOLTAGE";
    }

    @Override
    public void encode(ByteBuffer block) {
        block.put((byte) 0xF7);
    }

    @Override
    public int replyLength() {
        return 8;
    }

    @Override
    public boolean hasStatus() {
        return false;
    }

    @Override
    public Double decode(ByteBuffer reply) {
        long a0 = reply.getInt(0) & 0xFFFF_FFFFL;
        long a1 = reply.getInt(4) & 0xFFFF_FFFFL;
        return a0 == 0 ? 0.0 : 2.0 * a1 * 1.2 / a0;
    }
}
