package io.probehost.driver.jlink.internal;

import java.nio.ByteBuffer;

/** GET_STATE (0x07): VTref in mV, then the TCK, TDI, TDO, TMS, nRESET and nTRST levels. */
record GetStateRequest() implements JlinkCommand<GetStateRequest.State> {

    record State(int targetMillivolts, boolean tck, boolean tdi, boolean tdo, boolean tms, boolean reset,
            boolean trst) {
    }

    @Override
    public String name() {
        return "GET_STATE";
    }

    @Override
    public byte[] request() {
        return new byte[] {0x07};
    }

    @Override
    public State readReply(Reply reply) {
        ByteBuffer answer = reply.read(8);
        return new State(answer.getShort() & 0xFFFF, answer.get() != 0, answer.get() != 0, answer.get() != 0,
                answer.get() != 0, answer.get() != 0, answer.get() != 0);
    }
}
