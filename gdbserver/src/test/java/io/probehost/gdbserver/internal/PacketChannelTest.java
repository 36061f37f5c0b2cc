package io.probehost.gdbserver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PacketChannelTest {
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

    private PacketChannel channel(String input) {
        return new PacketChannel(new ByteArrayInputStream(input.getBytes(StandardCharsets.ISO_8859_1)), sent,
                millis -> { });
    }

    private String sent() {
        return sent.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aGoodPacketIsAcknowledgedAndItsPayloadReturned() throws IOException {
        assertEquals("qSupported", new String(channel("+$qSupported#37").receive(), StandardCharsets.ISO_8859_1));
        assertEquals("+", sent());
    }

    @Test
    void aBadChecksumIsAnsweredWithMinusAndTheResentPacketAccepted() throws IOException {
        byte[] payload = channel("$g#00$g#67").receive();
        assertEquals("g", new String(payload, StandardCharsets.ISO_8859_1));
        assertEquals("-+", sent());
    }

    @Test
    void inNoAckModeNothingIsAcknowledged() throws IOException {
        PacketChannel channel = channel("$g#67$m0,4#fd");
        channel.receive();
        channel.stopAcknowledging();
        channel.receive();
        channel.send("OK");
        assertEquals("+$OK#9a", sent());
    }

    @Test
    void aMinusMakesTheLastPacketGoAgain() throws IOException {
        PacketChannel channel = channel("-$g#67");
        channel.send("OK");
        channel.receive();
        assertEquals("$OK#9a$OK#9a+", sent());
    }

    @Test
    void ctrlCOutsideAPacketIsAnInterrupt() throws IOException {
        PacketChannel channel = channel("\u0003");
        assertTrue(channel.awaitInterrupt(1));
        assertFalse(channel.takeInterrupt());
    }

    @Test
    void aClosedConnectionEndsReceiving() {
        assertThrows(EOFException.class, () -> channel("$g#6").receive());
        assertThrows(EOFException.class, () -> channel("").receive());
    }
}
