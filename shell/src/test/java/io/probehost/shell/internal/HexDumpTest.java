package io.probehost.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HexDumpTest {

    @Test
    void addressesPrintAsEightHexDigits() {
        assertEquals("0x00000100", HexDump.hex32(0x100));
        assertEquals("0xffffffff", HexDump.hex32(-1));
    }

    @Test
    void wordsAreFourToALineAfterTheAddress() {
        assertEquals("20000000:  12345678 deadbeef 00000000 00000001\n20000010:  ffffffff\n",
                HexDump.format(0x20000000L, new long[] {0x12345678L, 0xDEADBEEFL, 0, 1, 0xFFFFFFFFL}, 4));
    }

    @Test
    void bytesCarryTheirPrintableCharacters() {
        assertEquals("00000010:  48 69 00 7f" + " ".repeat(12 * 3) + "    |Hi..|\n",
                HexDump.format(0x10, new long[] {'H', 'i', 0, 0x7F}, 1));
    }

    @Test
    void halfwordsAreEightToALine() {
        assertEquals("00000000:  3001 6008 e7fc\n", HexDump.format(0, new long[] {0x3001, 0x6008, 0xE7FC}, 2));
    }
}
