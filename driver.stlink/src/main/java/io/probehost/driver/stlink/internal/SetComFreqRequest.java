package io.probehost.driver.stlink.internal;

import java.nio.ByteBuffer;

/** SET_COM_FREQ ({@code F2 61 mode 00 kHz32}, V3): answers the frequency applied, in kHz. */
record SetComFreqRequest(boolean jtag, int kilohertz) implements StlinkCommand<Integer> {
    @Override
    public String name() {
        return "SET_COM_FREQ";
    }

    @Override
    public void encode(ByteBuffer block) {
        DebugCommand.SET_COM_FREQ.put(block);
        block.put((byte) (jtag ? 1 : 0)).put((byte) 0).putInt(kilohertz);
    }

    @Override
    public int replyLength() {
        return 8;
    }

    @Override
    public Integer decode(ByteBuffer reply) {
        return reply.getInt(4);
    }
}
