package io.probehost.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeException;

class NumbersAndHexDumpTest {

    @Test
    void numbersAcceptHexAndDecimal() {
        assertEquals(0x20000000L, Numbers.address("0x20000000"));
        assertEquals(0xFFFFFFFFL, Numbers.address("0XFFFFFFFF"));
        assertEquals(1234L, Numbers.parse("1234", "value"));
        assertEquals(0x1000L, Numbers.parse("0x1_000", "value"));
    }

    @Test
    void valuesMustFitTheirWidthAndNegativeOnesWrap() {
        assertEquals(0xFFL, Numbers.value("-1", 8));
        assertEquals(0xFFFFFFFFL, Numbers.value("-1", 32));
        assertEquals("value 0x100 does not fit in 8 bits",
                assertThrows(ProbeException.class, () -> Numbers.value("0x100", 8)).getMessage());
    }

    @Test
    void badNumbersNameWhatWasTyped() {
        assertEquals("address 'zz' is not a number (use 0x hex or decimal)",
                assertThrows(ProbeException.class, () -> Numbers.address("zz")).getMessage());
        assertEquals("address 0x100000000 is outside the 32-bit address space",
                assertThrows(ProbeException.class, () -> Numbers.address("0x100000000")).getMessage());
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
