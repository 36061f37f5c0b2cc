package io.probehost.remote.internal;

import java.io.DataInputStream;
import java.io.IOException;

/** The fields of a REPLY, read in order; a reply shorter than its operation's fields is a protocol error. */
final class ReplyReader {
    private final DataInputStream in;

    ReplyReader(DataInputStream in) {
        this.in = in;
    }

    int readInt() {
        try {
            return in.readInt();
        } catch (IOException e) {
            throw new RemoteProtocolException("reply too short", e);
        }
    }

    byte[] readBytes() {
        try {
            return Frame.readBytes(in);
        } catch (IOException e) {
            throw new RemoteProtocolException("reply too short", e);
        }
    }

    /** Every byte not read yet. */
    byte[] rest() {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new RemoteProtocolException("unreadable reply", e);
        }
    }
}
