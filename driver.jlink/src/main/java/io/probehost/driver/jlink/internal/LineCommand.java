package io.probehost.driver.jlink.internal;

/** The one-byte pin commands without an answer: nRESET and nTRST low or high. */
enum LineCommand implements JlinkCommand<Void> {
    HW_RESET0(0xDC),
    HW_RESET1(0xDD),
    HW_TRST0(0xDE),
    HW_TRST1(0xDF);

    private final int code;

    LineCommand(int code) {
        this.code = code;
    }

    @Override
    public byte[] request() {
        return new byte[] {(byte) code};
    }

    @Override
    public Void readReply(Reply reply) {
        return null;
    }
}
