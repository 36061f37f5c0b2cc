package io.probehost.driver.jlink.internal;

/** SET_KS_POWER (0x08): 5 V on pin 19 of the 20-pin connector on or off; no answer. */
record SetTargetPowerRequest(boolean on) implements JlinkCommand<Void> {
    @Override
    public String name() {
        return "SET_KS_POWER";
    }

    @Override
    public byte[] request() {
        return new byte[] {0x08, (byte) (on ? 1 : 0)};
    }

    @Override
    public Void readReply(Reply reply) {
        return null;
    }
}
