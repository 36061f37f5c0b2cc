package io.probehost.driver.picoprobe.internal;

/** The command codes of the legacy protocol, with their wire values (note §2.1). */
enum PicoprobeCommand {
    INVALID(0), WRITE_BITS(1), READ_BITS(2), SET_FREQ(3), RESET(4), TARGET_RESET(5);

    /** id, cmd, bits (u32 LE). */
    static final int HEADER_BYTES = 6;

    private final int code;

    PicoprobeCommand(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}
