package io.probehost.defmt.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.probehost.defmt.DefmtException;

class RzcobsTest {
    private static final HexFormat HEX = HexFormat.of();

    /** The vectors of the reference note (from defmt's rzCOBS encoder tests): raw frame, encoded with its separator. */
    @ParameterizedTest
    @CsvSource({
        "'', 00",
        "00, 7f00",
        "01, 017e00",
        "0001, 017d00",
        "0102, 01027c00",
        "11223344556600, 112233445566 4000",
        "11223344556677, 11223344556677 8000",
        "1122334455667788, 1122334455667788 8100",
        "00000000000000000000000000ff, 7fff3f00",
        "05002a, 052a7a00",
    })
    void encodesAndDecodesTheReferenceVectors(String raw, String encoded) {
        byte[] frame = HEX.parseHex(raw);
        byte[] wire = HEX.parseHex(encoded.replace(" ", ""));
        assertArrayEquals(wire, Rzcobs.encode(frame));
        byte[] decoded = Rzcobs.decode(wire, 0, wire.length - 1);
        assertArrayEquals(frame, Arrays.copyOf(decoded, frame.length));
        for (int i = frame.length; i < decoded.length; i++) {
            assertEquals(0, decoded[i], "only zeros pad the end");
        }
        assertEquals(0, (decoded.length - frame.length) / 7, "at most six bytes of padding");
    }

    @Test
    void roundTripsFramesWithLongRunsAndZeros() {
        Random random = new Random(13);
        for (int length = 0; length < 400; length++) {
            byte[] frame = new byte[length];
            for (int i = 0; i < length; i++) {
                frame[i] = (byte) (random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(255));
            }
            if (length % 3 == 0) {
                Arrays.fill(frame, (byte) 0x5A);
            }
            byte[] wire = Rzcobs.encode(frame);
            assertEquals(0, wire[wire.length - 1]);
            for (int i = 0; i < wire.length - 1; i++) {
                assertEquals(true, wire[i] != 0, "no zero inside an encoded frame");
            }
            byte[] decoded = Rzcobs.decode(wire, 0, wire.length - 1);
            assertArrayEquals(frame, Arrays.copyOf(decoded, length), "length " + length);
        }
    }

    @Test
    void rejectsAFrameThatEndsInsideARun() {
        byte[] wire = HEX.parseHex("0183");
        DefmtException e = assertThrows(DefmtException.class, () -> Rzcobs.decode(wire, 0, wire.length));
        assertEquals("rzCOBS: the frame ends inside a run", e.getMessage());
    }

    @Test
    void rejectsAMaskThatWantsMoreBytesThanTheFrameHas() {
        byte[] wire = HEX.parseHex("007c");
        assertThrows(DefmtException.class, () -> Rzcobs.decode(wire, 1, wire.length));
    }
}
