package io.probehost.remote.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class FrameTest {

    private static byte[] bytesOf(Frame frame) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frame.write(out);
        return out.toByteArray();
    }

    @Test
    void framesAreLengthTypeAndPayloadBigEndian() throws Exception {
        Frame request = Frame.of(MessageType.REQUEST, out -> {
            out.writeByte(Operation.CLAIM_INTERFACE.code());
            out.writeInt(7);
            out.writeInt(0);
        });
        assertEquals("00000009" + "10" + "04" + "00000007" + "00000000", HexFormat.of().formatHex(bytesOf(request)));
    }

    @Test
    void errorFramesCarryKindNativeCodeAndMessage() throws Exception {
        Frame error = Frame.error(ErrorKind.USB, -4, "gone");
        assertEquals("0000000b" + "7f" + "03" + "fffffffc" + "0004" + "676f6e65", HexFormat.of().formatHex(bytesOf(error)));
    }

    @Test
    void framesSurviveARoundTrip() throws Exception {
        Frame reply = new Frame(MessageType.REPLY, new byte[] {1, 2, 3, (byte) 0xFF});
        Frame read = Frame.read(new ByteArrayInputStream(bytesOf(reply)));
        assertEquals(reply, read);
        assertArrayEquals(new byte[] {1, 2, 3, (byte) 0xFF}, read.payload());
    }

    @Test
    void readingRefusesAnOversizedLength() {
        byte[] huge = HexFormat.of().parseHex("7fffffff11");
        RemoteProtocolException error = assertThrows(RemoteProtocolException.class,
                () -> Frame.read(new ByteArrayInputStream(huge)));
        assertEquals("frame announces 2147483647 payload bytes; at most 1048640 are allowed", error.getMessage());
    }

    @Test
    void readingATlsRecordSaysTheStationSpeaksTls() {
        byte[] alert = HexFormat.of().parseHex("150303000202");
        RemoteProtocolException error = assertThrows(RemoteProtocolException.class,
                () -> Frame.read(new ByteArrayInputStream(alert)));
        assertEquals("the other side speaks TLS: a station served with --tls needs its certificate beside the token "
                + "on the client (HOST_PORT.crt)", error.getMessage());
    }

    @Test
    void readingRefusesAnUnknownType() {
        byte[] unknown = HexFormat.of().parseHex("0000000042");
        RemoteProtocolException error = assertThrows(RemoteProtocolException.class,
                () -> Frame.read(new ByteArrayInputStream(unknown)));
        assertEquals("unknown message type 0x42", error.getMessage());
    }

    @Test
    void readingATruncatedPayloadIsAProtocolError() {
        byte[] shortFrame = HexFormat.of().parseHex("00000004110102");
        RemoteProtocolException error = assertThrows(RemoteProtocolException.class,
                () -> Frame.read(new ByteArrayInputStream(shortFrame)));
        assertEquals("connection closed inside a REPLY frame", error.getMessage());
    }

    @Test
    void aCleanCloseBeforeAFrameIsEndOfStream() {
        assertThrows(EOFException.class, () -> Frame.read(new ByteArrayInputStream(new byte[0])));
    }

    @Test
    void everyCodeMapsBackToItsEnum() {
        for (MessageType type : MessageType.values()) {
            assertEquals(type, MessageType.fromCode(type.code()));
        }
        for (Operation operation : Operation.values()) {
            assertEquals(operation, Operation.fromCode(operation.code()));
        }
        for (ErrorKind kind : ErrorKind.values()) {
            assertEquals(kind, ErrorKind.fromCode(kind.code()));
        }
        assertThrows(RemoteProtocolException.class, () -> Operation.fromCode(0x99));
    }
}
