package io.probehost.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

class FrameTest {

    @Test
    void outputFrameIsTypeLengthThenPayload() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Frame.text(FrameType.OUTPUT, "hi\n").writeTo(bytes);
        assertArrayEquals(new byte[] {5, 0, 0, 0, 3, 'h', 'i', '\n'}, bytes.toByteArray());
    }

    @Test
    void exitFrameCarriesTheStatusBigEndian() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Frame.exit(258).writeTo(bytes);
        assertArrayEquals(new byte[] {7, 0, 0, 0, 4, 0, 0, 1, 2}, bytes.toByteArray());
        assertEquals(258, Frame.readFrom(new ByteArrayInputStream(bytes.toByteArray())).orElseThrow().status());
    }

    @Test
    void framesReadBackInTurnThenTheEndIsEmpty() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Frame> sent = List.of(Frame.of(FrameType.CANCEL), new Frame(FrameType.INPUT, new byte[] {0, -1, 2}),
                Frame.of(FrameType.INPUT_END));
        for (Frame frame : sent) {
            frame.writeTo(bytes);
        }
        ByteArrayInputStream in = new ByteArrayInputStream(bytes.toByteArray());
        for (Frame frame : sent) {
            assertEquals(frame, Frame.readFrom(in).orElseThrow());
        }
        assertTrue(Frame.readFrom(in).isEmpty());
    }

    @Test
    void everyTypeCodeRoundTripsAndOthersAreRefused() {
        for (FrameType type : FrameType.values()) {
            assertEquals(type, FrameType.fromCode(type.code()));
        }
        for (int code = 0; code < 256; code++) {
            if (code < 1 || code > FrameType.values().length) {
                int unknown = code;
                var error = assertThrows(StationProtocolException.class, () -> FrameType.fromCode(unknown));
                assertEquals("unknown frame type " + code, error.getMessage());
            }
        }
    }

    @Test
    void streamCutInsideAFrameFails() {
        var error = assertThrows(StationProtocolException.class,
                () -> Frame.readFrom(new ByteArrayInputStream(new byte[] {5, 0, 0, 0, 3, 'h'})));
        assertEquals("the connection ended inside a frame", error.getMessage());
    }

    @Test
    void lengthBeyondTheLimitIsRefusedBeforeAllocating() {
        var error = assertThrows(StationProtocolException.class,
                () -> Frame.readFrom(new ByteArrayInputStream(new byte[] {5, 0x7F, -1, -1, -1})));
        assertEquals("frame length 2147483647 out of range 0..1048576", error.getMessage());
    }

    @Test
    void statusOfAnotherFrameFails() {
        assertThrows(StationProtocolException.class, () -> Frame.text(FrameType.OUTPUT, "0000").status());
    }
}
