package io.probehost.driver.jlink.internal;

/**
 * SELECT_IF (0xC7): 0xFF asks for the interfaces bit mask, 0xFE for the one selected; 0 (JTAG) or 1
 * (SWD) selects one and answers the previous. Always a u32.
 */
record SelectInterfaceRequest(int argument) implements JlinkCommand<Integer> {
    static final int JTAG = 0;
    static final int SWD = 1;
    static final int AVAILABLE = 0xFF;
    static final int CURRENT = 0xFE;

    @Override
    public String name() {
        return "SELECT_IF";
    }

    @Override
    public byte[] request() {
        return new byte[] {(byte) 0xC7, (byte) argument};
    }

    @Override
    public Integer readReply(Reply reply) {
        return reply.read(4).getInt();
    }
}
