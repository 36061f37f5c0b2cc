package io.probehost.driver.stlink.internal;

import java.nio.ByteBuffer;

/**
 * SWITCH_STLINK_FREQ ({@code F2 63 prescaler}, V3): the probe's core clock, 1 high performance,
 * 2 standard, 4 low power. The probe answers JTAG_CONF_CHANGED, which is success here.
 */
record SwitchStlinkFreqRequest(int prescaler) implements StlinkCommand<Void> {
    @Override
    public String name() {
        return "SWITCH_STLINK_FREQ";
    }

    @Override
    public void encode(ByteBuffer block) {
        DebugCommand.SWITCH_STLINK_FREQ.put(block);
        block.put((byte) prescaler);
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
    public Void decode(ByteBuffer reply) {
        int code = reply.get(0) & 0xFF;
        if (code != StlinkStatus.OK.code() && code != StlinkStatus.JTAG_CONF_CHANGED.code()) {
            throw StlinkErrors.of(StlinkStatus.fromCode(code), name(), null);
        }
        return null;
    }
}
