package io.probehost.gdbserver.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RspTest {

    @Test
    void frameAddsTheModulo256ChecksumInLowerCaseHex() {
        assertEquals("$OK#9a", new String(Rsp.frame("OK"), StandardCharsets.ISO_8859_1));
        assertEquals("$#00", new String(Rsp.frame(""), StandardCharsets.ISO_8859_1));
        assertEquals("$qSupported#37", new String(Rsp.frame("qSupported"), StandardCharsets.ISO_8859_1));
    }

    @Test
    void escapeXorsTheFourSpecialBytesWith0x20() {
        byte[] data = {'#', '$', '}', '*', 'a'};
        assertArrayEquals(new byte[] {'}', 0x03, '}', 0x04, '}', 0x5d, '}', 0x0a, 'a'},
                Rsp.escape(data, 0, data.length));
    }

    @Test
    void unescapeRestoresEveryByteValue() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        byte[] escaped = Rsp.escape(all, 0, all.length);
        assertEquals(256 + 4, escaped.length);
        byte[] packet = new byte[escaped.length + 3];
        packet[0] = 'X';
        packet[1] = ',';
        packet[2] = ':';
        System.arraycopy(escaped, 0, packet, 3, escaped.length);
        assertArrayEquals(all, Rsp.unescape(packet, 3));
    }

    @Test
    void unescapeRefusesDataThatEndsInsideAnEscape() {
        RspException failure = assertThrows(RspException.class, () -> Rsp.unescape(new byte[] {'a', '}'}, 0));
        assertEquals("binary data ends inside an escape", failure.getMessage());
    }

    @Test
    void registerValuesAreLittleEndianAndUnavailableBytesReadAsZero() {
        assertEquals("78563412", Rsp.hexLittleEndian(0x12345678L, 4));
        assertEquals("ff", Rsp.hexLittleEndian(0x1FF, 1));
        assertEquals(0x12345678L, Rsp.parseLittleEndian("78563412"));
        assertEquals(0x12340078L, Rsp.parseLittleEndian("78xx3412"));
    }

    @Test
    void hexRoundTripsAndRefusesBadDigits() {
        assertEquals("00ff7f", Rsp.hex(new byte[] {0, -1, 0x7f}));
        assertArrayEquals(new byte[] {0, -1, 0x7f}, Rsp.unhex("00FF7f"));
        assertEquals("hex data of odd length 3", assertThrows(RspException.class, () -> Rsp.unhex("abc")).getMessage());
        assertEquals("'g' is not a hex digit", assertThrows(RspException.class, () -> Rsp.number("1g")).getMessage());
        assertEquals(0x20000000L, Rsp.number("20000000"));
    }
}
