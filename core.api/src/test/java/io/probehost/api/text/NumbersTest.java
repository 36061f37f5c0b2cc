package io.probehost.api.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.probehost.api.option.OptionDescriptor;

class NumbersTest {

    @Test
    void readsLeadingZeroAsDecimalNotOctal() {
        assertEquals(10, Numbers.parse("010", "count"));
        assertEquals(8, Numbers.parse("08", "count"));
    }

    @Test
    void readsHexAfter0x() {
        assertEquals(16, Numbers.parse("0x10", "value"));
        assertEquals(0x2000_0000L, Numbers.parse("0X2000_0000", "address"));
        assertEquals(0xFFFF_FFFFL, Numbers.address("0xffffffff"));
    }

    @Test
    void readsSignsUnderscoresAndSuffixes() {
        assertEquals(-1, Numbers.parse("-1", "value"));
        assertEquals(4_000_000, Numbers.parse("4M", "frequency"));
        assertEquals(400_000, Numbers.parse("400k", "frequency"));
        assertEquals(1_000_000, Numbers.parse("1_000_000", "frequency"));
    }

    @Test
    void refusesNonNumbersWithOneClearLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Numbers.parse("12abc", "address"));
        assertEquals("address '12abc' is not a number (decimal, 0x hex, or with a k or M suffix)", e.getMessage());
        assertTrue(Numbers.tryParse("0x").isEmpty());
        assertTrue(Numbers.tryParse("").isEmpty());
        assertTrue(Numbers.tryParse("1__").isEmpty());
        assertTrue(Numbers.tryParse("0x1g").isEmpty());
        assertTrue(Numbers.tryParse("99999999999999999999").isEmpty());
    }

    @Test
    void checksRanges() {
        assertThrows(IllegalArgumentException.class, () -> Numbers.address("0x100000000"));
        assertThrows(IllegalArgumentException.class, () -> Numbers.count("0", "count"));
        assertEquals(0xFF, Numbers.value("-1", 8));
        assertThrows(IllegalArgumentException.class, () -> Numbers.value("256", 8));
    }

    @Test
    void sessionOptionsUseTheSameParser() {
        OptionDescriptor<Long> frequency = OptionDescriptor.of("frequency", Long.class, 0L, "");
        assertEquals(10L, frequency.convert("010"));
        assertEquals(16L, frequency.convert("0x10"));
        assertEquals(4_000_000L, frequency.convert("4M"));
    }
}
