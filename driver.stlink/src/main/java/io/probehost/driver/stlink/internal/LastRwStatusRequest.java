package io.probehost.driver.stlink.internal;

import java.nio.ByteBuffer;

/** APIV2_GETLASTRWSTATUS2 ({@code F2 3E}): the status of the last memory transfer and its fault address. */
record LastRwStatusRequest() implements StlinkCommand<LastRwStatusRequest.Result> {

    record Result(int status, long faultAddress) {
    }

    @Override
    public String name() {
        return "GETLASTRWSTATUS2";
    }

    @Override
    public void encode(ByteBuffer block) {
        DebugCommand.APIV2_GETLASTRWSTATUS2.put(block);
    }

    @Override
    public int replyLength() {
        return 12;
    }

    @Override
    public boolean hasStatus() {
        return false;
    }

    @Override
    public Result decode(ByteBuffer reply) {
        return new Result(reply.get(0) & 0xFF, reply.getInt(4) & 0xFFFF_FFFFL);
    }
}
