package io.probehost.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AttachRequestTest {
    private static final AttachRequest REQUEST = new AttachRequest("c0ffee", List.of("mem:read32", "-u", "9900",
            "héllo wörld"), "/home/lab/fw", true, 132, true, false, 4242);

    @Test
    void requestRoundTripsThroughItsFrame() {
        assertEquals(REQUEST, AttachRequest.fromFrame(REQUEST.toFrame()));
    }

    @Test
    void anotherVersionIsRefusedWithAHint() {
        byte[] payload = REQUEST.toFrame().payload();
        ByteBuffer.wrap(payload).putInt(0, AttachRequest.VERSION + 1);
        var error = assertThrows(StationProtocolException.class,
                () -> AttachRequest.fromFrame(new Frame(FrameType.REQUEST, payload)));
        assertTrue(error.getMessage().contains("restart the station"), error.getMessage());
    }

    @Test
    void truncatedRequestIsRefused() {
        byte[] payload = REQUEST.toFrame().payload();
        byte[] cut = java.util.Arrays.copyOf(payload, payload.length - 3);
        var error = assertThrows(StationProtocolException.class,
                () -> AttachRequest.fromFrame(new Frame(FrameType.REQUEST, cut)));
        assertEquals("the request ended early", error.getMessage());
    }

    @Test
    void anotherFrameTypeIsNotARequest() {
        assertThrows(StationProtocolException.class, () -> AttachRequest.fromFrame(Frame.text(FrameType.INPUT, "x")));
    }

    @Test
    void logLineLeavesTheTokenOut() {
        assertFalse(REQUEST.toString().contains("c0ffee"), REQUEST.toString());
    }

    @Test
    void launcherOptionsStayWithTheLauncherAndSimIsStripped() {
        assertEquals(Optional.of(List.of("probe:list")), StationClient.commandFor(new String[] {"--sim", "probe:list"}));
        assertEquals(Optional.of(List.of("mem:read32", "--sim")), StationClient.commandFor(new String[] {"mem:read32", "--sim"}));
        assertEquals(Optional.of(List.of()), StationClient.commandFor(new String[0]));
        assertEquals(Optional.empty(), StationClient.commandFor(new String[] {"serve", "--sim"}));
        assertEquals(Optional.empty(), StationClient.commandFor(new String[] {"--help"}));
        assertEquals(Optional.empty(), StationClient.commandFor(new String[] {"--bogus", "probe:list"}));
    }
}
