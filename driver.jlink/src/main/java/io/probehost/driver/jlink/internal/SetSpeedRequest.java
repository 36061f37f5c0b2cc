package io.probehost.driver.jlink.internal;

/** SET_SPEED (0x05): u16 kHz; no answer. */
record SetSpeedRequest(int kilohertz) implements JlinkCommand<Void> {
    SetSpeedRequest {
        if (kilohertz < 1 || kilohertz > 0xFFFE) {
            throw new IllegalArgumentException("SET_SPEED takes 1 to 65534 kHz, not " + kilohertz);
        }
    }

    @Override
    public String name() {
        return "SET_SPEED";
    }

    @Override
    public byte[] request() {
        return new byte[] {0x05, (byte) kilohertz, (byte) (kilohertz >>> 8)};
    }

    @Override
    public Void readReply(Reply reply) {
        return null;
    }
}
