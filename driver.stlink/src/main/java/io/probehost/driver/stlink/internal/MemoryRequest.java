package io.probehost.driver.stlink.internal;

import java.nio.ByteBuffer;

import io.probehost.api.probe.ArmMemoryEngine.AccessWidth;

/**
 * READMEM/WRITEMEM in 8, 16 or 32-bit units: {@code F2 sub addr32 len16 ap csw[31:8]}. A read
 * returns exactly {@code length} data bytes (2 for a 1-byte read, as OpenOCD reads) and no status;
 * a write sends its data after the block and gets no reply. Either is checked with GETLASTRWSTATUS2.
 */
record MemoryRequest(boolean write, AccessWidth width, long address, int ap, byte[] data, int length)
        implements StlinkCommand<byte[]> {

    static MemoryRequest read(AccessWidth width, long address, int length, int ap) {
        return new MemoryRequest(false, width, address, ap, new byte[0], length);
    }

    static MemoryRequest write(AccessWidth width, long address, byte[] data, int ap) {
        return new MemoryRequest(true, width, address, ap, data, data.length);
    }

    DebugCommand command() {
        switch (width) {
            case BYTE:
                return write ? DebugCommand.WRITEMEM_8BIT : DebugCommand.READMEM_8BIT;
            case HALFWORD:
                return write ? DebugCommand.WRITEMEM_16BIT : DebugCommand.READMEM_16BIT;
            default:
                return write ? DebugCommand.WRITEMEM_32BIT : DebugCommand.READMEM_32BIT;
        }
    }

    @Override
    public String name() {
        return String.format("%s of %d bytes at 0x%08X", command(), length, address);
    }

    @Override
    public void encode(ByteBuffer block) {
        command().put(block);
        block.putInt((int) address).putShort((short) length).put((byte) ap);
    }

    @Override
    public byte[] dataOut() {
        return write ? data : new byte[0];
    }

    @Override
    public int replyLength() {
        return write ? 0 : (length == 1 ? 2 : length);
    }

    @Override
    public boolean hasStatus() {
        return false;
    }

    @Override
    public byte[] decode(ByteBuffer reply) {
        if (write) {
            return new byte[0];
        }
        byte[] read = new byte[length];
        reply.get(read);
        return read;
    }
}
