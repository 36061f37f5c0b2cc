package io.probehost.driver.jlink.internal;

/** GET_CAPS (0xE8) and GET_CAPS_EX (0xED): 32 or 256 capability bits. */
record GetCapsRequest(boolean extended) implements JlinkCommand<JlinkCapabilities> {
    @Override
    public String name() {
        return extended ? "GET_CAPS_EX" : "GET_CAPS";
    }

    @Override
    public byte[] request() {
        return new byte[] {(byte) (extended ? 0xED : 0xE8)};
    }

    @Override
    public JlinkCapabilities readReply(Reply reply) {
        return new JlinkCapabilities(reply.read(extended ? 32 : 4).array());
    }
}
