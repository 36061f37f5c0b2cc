package io.probehost.client;

/** The kinds of frame on a station connection, each with its code on the wire. */
public enum FrameType {
    /** Client to station, first and once: an {@link AttachRequest}. */
    REQUEST(1),
    /** Client to station: bytes of the client's standard input. */
    INPUT(2),
    /** Client to station: the client's standard input ended. */
    INPUT_END(3),
    /** Client to station: Ctrl-C; the command running for this client is interrupted. */
    CANCEL(4),
    /** Station to client: bytes for standard output. */
    OUTPUT(5),
    /** Station to client: bytes for standard error. */
    ERROR_OUTPUT(6),
    /** Station to client, last: the exit status (four bytes, big-endian). */
    EXIT(7),
    /** Station to client, instead of any output: the request was refused; the payload says why (UTF-8). */
    REFUSED(8);

    private final int code;

    FrameType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static FrameType fromCode(int code) {
        for (FrameType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new StationProtocolException("unknown frame type " + code);
    }
}
