package io.probehost.driver.stlink.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** GET_COM_FREQ ({@code F2 62 mode}, V3): the frequencies the probe offers, in kHz, fastest first. */
record GetComFreqRequest(boolean jtag) implements StlinkCommand<List<Integer>> {
    static final int MAX_ENTRIES = 10;

    @Override
    public String name() {
        return "GET_COM_FREQ";
    }

    @Override
    public void encode(ByteBuffer block) {
        DebugCommand.GET_COM_FREQ.put(block);
        block.put((byte) (jtag ? 1 : 0));
    }

    @Override
    public int replyLength() {
        return 52;
    }

    @Override
    public List<Integer> decode(ByteBuffer reply) {
        int count = Math.min(reply.getInt(8), MAX_ENTRIES);
        List<Integer> kilohertz = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            kilohertz.add(reply.getInt(12 + 4 * i));
        }
        return List.copyOf(kilohertz);
    }
}
