package io.probehost.sim.probe.picoprobe;

/** The command codes of the legacy Picoprobe protocol (note §2.1). */
public enum PicoprobeCommand {
    INVALID(0), WRITE_BITS(1), READ_BITS(2), SET_FREQ(3), RESET(4), TARGET_RESET(5);

    /** id, cmd, bits (u32 LE). */
    public static final int HEADER_LENGTH = 6;

    private final int code;

    PicoprobeCommand(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The command for a code, or null for one the firmware does not know (and ignores). */
    static PicoprobeCommand fromCode(int code) {
        for (PicoprobeCommand command : values()) {
            if (command.code == code) {
                return command;
            }
        }
        return null;
    }
}
