package io.probehost.api.debug;

import java.util.Arrays;
import java.util.Optional;

/** Semihosting operations by their numbers in the Arm semihosting specification (RISC-V uses the same). */
public enum SemihostingOperation {
    SYS_OPEN(0x01),
    SYS_CLOSE(0x02),
    SYS_WRITEC(0x03),
    SYS_WRITE0(0x04),
    SYS_WRITE(0x05),
    SYS_READ(0x06),
    SYS_READC(0x07),
    SYS_ISERROR(0x08),
    SYS_ISTTY(0x09),
    SYS_SEEK(0x0A),
    SYS_FLEN(0x0C),
    SYS_TMPNAM(0x0D),
    SYS_REMOVE(0x0E),
    SYS_RENAME(0x0F),
    SYS_CLOCK(0x10),
    SYS_TIME(0x11),
    SYS_SYSTEM(0x12),
    SYS_ERRNO(0x13),
    SYS_GET_CMDLINE(0x15),
    SYS_HEAPINFO(0x16),
    SYS_EXIT(0x18),
    SYS_EXIT_EXTENDED(0x20),
    SYS_ELAPSED(0x30),
    SYS_TICKFREQ(0x31);

    /** SYS_EXIT's reason for a normal end of the application (ADP_Stopped_ApplicationExit). */
    public static final long ADP_STOPPED_APPLICATION_EXIT = 0x20026;
    /** SYS_EXIT's reason for a run-time error (ADP_Stopped_RunTimeError). */
    public static final long ADP_STOPPED_RUN_TIME_ERROR = 0x20023;

    private final int code;

    SemihostingOperation(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The operation numbered {@code code}, or empty for a number the specification does not define. */
    public static Optional<SemihostingOperation> fromCode(int code) {
        return Arrays.stream(values()).filter(op -> op.code == code).findFirst();
    }
}
