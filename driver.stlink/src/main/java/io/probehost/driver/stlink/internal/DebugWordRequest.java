package io.probehost.driver.stlink.internal;

import java.nio.ByteBuffer;

/**
 * APIV2_READDEBUGREG ({@code F2 36 addr32}) and APIV2_WRITEDEBUGREG ({@code F2 35 addr32 value32}): one
 * 32-bit word at any address through AP 0, with its status in the reply. One USB command where READMEM or
 * WRITEMEM need a second one, GETLASTRWSTATUS2, to learn whether they faulted.
 */
record DebugWordRequest(boolean write, long address, int value) implements StlinkCommand<DebugWordRequest.Result> {

    record Result(int status, int value) {
    }

    static DebugWordRequest read(long address) {
        return new DebugWordRequest(false, address, 0);
    }

    static DebugWordRequest write(long address, int value) {
        return new DebugWordRequest(true, address, value);
    }

    @Override
    public String name() {
        return String.format("%s at 0x%08X", write ? DebugCommand.APIV2_WRITEDEBUGREG : DebugCommand.APIV2_READDEBUGREG,
                address);
    }

    @Override
    public void encode(ByteBuffer block) {
        (write ? DebugCommand.APIV2_WRITEDEBUGREG : DebugCommand.APIV2_READDEBUGREG).put(block);
        block.putInt((int) address);
        if (write) {
            block.putInt(value);
        }
    }

    @Override
    public int replyLength() {
        return write ? 2 : 8;
    }

    /** The status is the memory transfer's: {@link StlinkMemory} turns a fault into its typed error. */
    @Override
    public boolean hasStatus() {
        return false;
    }

    @Override
    public Result decode(ByteBuffer reply) {
        return new Result(reply.get(0) & 0xFF, write ? 0 : reply.getInt(4));
    }
}
