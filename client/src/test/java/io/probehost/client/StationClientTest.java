package io.probehost.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The client's side of a reply: output to its streams, then the status. */
class StationClientTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final StationClient client = new StationClient(OutputStream.nullOutputStream(),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    private static ByteArrayInputStream frames(Frame... frames) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Frame frame : frames) {
            frame.writeTo(bytes);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    @Test
    void outputGoesToItsStreamAndTheExitFrameGivesTheStatus() throws IOException {
        int status = client.copyReplies(frames(Frame.text(FrameType.OUTPUT, "listed\n"),
                Frame.text(FrameType.ERROR_OUTPUT, "Error: no\n"), Frame.exit(3)));
        assertEquals(3, status);
        assertEquals("listed\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("Error: no\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void refusalIsOneErrorLineAndStatusOne() throws IOException {
        assertEquals(1, client.copyReplies(frames(Frame.text(FrameType.REFUSED, "wrong token"))));
        assertEquals("Error: the station refused the command: wrong token",
                err.toString(StandardCharsets.UTF_8).trim());
    }

    @Test
    void connectionEndingBeforeTheExitFrameFails() {
        var error = assertThrows(IllegalStateException.class,
                () -> client.copyReplies(frames(Frame.text(FrameType.OUTPUT, "half"))));
        assertEquals("the station closed the connection before the command ended", error.getMessage());
    }

    @Test
    void frameOnlyAClientSendsIsAProtocolError() {
        assertThrows(StationProtocolException.class, () -> client.copyReplies(frames(Frame.of(FrameType.CANCEL))));
    }
}
