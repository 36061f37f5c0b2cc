package io.probehost.remote.internal;

/** The type byte of every frame, with its wire code (docs/remote-protocol.md lists them). */
enum MessageType {
    /** Station to client, first frame: protocol version and the station's nonce. */
    HELLO(0x01),
    /** Client to station: the client's nonce and its proof of the token. */
    AUTH(0x02),
    /** Station to client: the station's proof of the token; requests may follow. */
    AUTH_OK(0x03),
    /** Client to station: a request on the station's USB devices (an {@link Operation} and its arguments). */
    REQUEST(0x10),
    /** Station to client: the answer to the last request. */
    REPLY(0x11),
    /** Either way: a failure (an {@link ErrorKind}, a native code and a message). */
    ERROR(0x7F);

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    static MessageType fromCode(int code) {
        for (MessageType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new RemoteProtocolException(String.format("unknown message type 0x%02x", code));
    }
}
