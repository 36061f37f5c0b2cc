package io.probehost.defmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every argument type of the wire format, and the display hints, decoded from golden frame bytes. */
class DefmtArgumentsTest {
    static final int STATEMENT = 0x64;

    /** Level-less strings the statements refer to, at fixed indices. */
    static List<DefmtEntry> levelless() {
        return List.of(new DefmtEntry(1, "defmt_prim", "{=u8}"), new DefmtEntry(2, "defmt_prim", "{=u32}"),
                new DefmtEntry(3, "defmt_derived", "Reading {{ sensor: {=u8}, value: {=i16} }}"),
                new DefmtEntry(4, "defmt_derived", "Idle|Busy({=u8})|Fault {{ code: {=u16:#x} }}"),
                new DefmtEntry(5, "defmt_str", "fast"), new DefmtEntry(6, "defmt_write", "<{=u8}>"),
                new DefmtEntry(7, "defmt_write", "!"), new DefmtEntry(8, "defmt_derived", "Pair({=?}, {=bool})"));
    }

    static String decode(String format, String argumentBytes) {
        List<DefmtEntry> entries = new ArrayList<>(levelless());
        entries.add(new DefmtEntry(STATEMENT, "defmt_info", format));
        DefmtTable table = new DefmtTable(4, DefmtEncoding.RAW, entries, Map.of());
        byte[] frame = HexFormat.of().parseHex("6400" + argumentBytes.replace(" ", ""));
        return new DefmtStreamDecoder(table).decodeFrame(frame).text();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{=u8}|2a|42",
        "{=i8}|ff|-1",
        "{=u16}|3412|4660",
        "{=i16}|2c01|300",
        "{=i16}|d8ff|-40",
        "{=u32}|78563412|305419896",
        "{=i32}|feffffff|-2",
        "{=u64}|ffffffffffffffff|18446744073709551615",
        "{=i64}|feffffffffffffff|-2",
        "{=u128}|00000000000000000100000000000000|18446744073709551616",
        "{=i128}|ffffffffffffffffffffffffffffffff|-1",
        "{=usize}|10000000|16",
        "{=isize}|ffffffff|-1",
        "{=f32}|0000a040|5",
        "{=f32}|00005040|3.25",
        "{=f32}|0000c0ff|NaN",
        "{=f64}|9a9999999999b93f|0.1",
        "{=bool} {=u8}|0103|true 3",
        "{=bool}|00|false",
        "{=char}|4a260000|♊",
        "{=char:?}|61000000|'''a'''",
        "{=str}|020000006869|hi",
        "{=str:?}|020000006822|\"h\\\"\"",
        "{=istr}|0500|fast",
        "{=[u8]}|020000000102|[1, 2]",
        "{=[u8]:x}|020000000aff|[a, ff]",
        "{=[u8]:a}|0300000068690a|b\"hi\\x0a\"",
        "{=[u8; 3]}|010203|[1, 2, 3]",
        "{=[u8; 2]:#04x}|0a0b|[0x0a, 0x0b]",
        "{}|01002a|42",
        "{:x}|0200efbe0000|beef",
        "{=?}|0300 02 d8ff|Reading { sensor: 2, value: -40 }",
        "{=?}|0400 00|Idle",
        "{=?}|0400 01 07|Busy(7)",
        "{=?}|0400 02 3412|Fault { code: 0x1234 }",
        "{=?}|0800 0400 01 09 01|Pair(Busy(9), true)",
        "{=[?]}|02000000 0300 01 0100 02 0200|[Reading { sensor: 1, value: 1 }, Reading { sensor: 2, value: 2 }]",
        "{=[?]}|03000000 0400 00 01 05 02 0100|[Idle, Busy(5), Fault { code: 0x1 }]",
        "{=[?]}|00000000|[]",
        "{=[?; 2]}|0100 07 08|[7, 8]",
        "{=__internal_Debug}|4f6b2829ff|Ok()",
        "{=__internal_Display}|33ff|3",
        "{=__internal_FormatSequence}|0600 01 0700 0600 02 0000|<1>!<2>",
        "{0=0..4} {0=4..8:b} {0=8..16:x}|3412|4 11 12",
        "{0=12..20}|3412|35",
        "{=u8:x} {=u8:X} {=u8:#x} {=u8:#X} {=u8:b} {=u8:#b} {=u8:o} {=u8:08b}|2a2a2a2a05050808|2a 2A 0x2a 0x2A 101 0b101 10 00001000",
        "{=u32:us}|40420f00|1.000000",
        "{=u32:us}|7b000000|0.000123",
        "{=u32:ms}|e9030000|1.001",
        "{=u32:ts}|4d0e0000|01:01:01",
        "{=u32:tms}|c9dc3700|01:01:01.001",
        "{=u64:iso8601ms}|e903000000000000|1970-01-01T00:00:01.001Z",
        "{=u32:iso8601s}|3c000000|1970-01-01T00:01:00Z",
        "{{literal}} {=u8}|01|{literal} 1",
    })
    void decodesEveryArgumentType(String format, String bytes, String expected) {
        assertEquals(expected, decode(format, bytes));
    }

    @Test
    void decodesTheReferenceNotesWorkedExamples() {
        assertEquals("answer=42", decode("answer={=u8}", "2a"));
        assertEquals("v=300", decode("v={=i16}", "2c01"));
        assertEquals("hi", decode("{=str}", "020000006869"));
        assertEquals("[1, 2]", decode("{=[u8]}", "020000000102"));
        assertEquals("true 3", decode("{=bool} {=u8}", "0103"));
    }

    @Test
    void aBoolOtherThanZeroOrOneIsMalformed() {
        DefmtException e = assertThrows(DefmtException.class, () -> decode("{=bool}", "02"));
        assertEquals("bool byte 2 is neither 0 nor 1", e.getMessage());
    }

    @Test
    void anEnumDiscriminantWithoutVariantIsMalformed() {
        DefmtException e = assertThrows(DefmtException.class, () -> decode("{=?}", "0400 03"));
        assertEquals("enum discriminant 3 of 'Idle|Busy({=u8})|Fault {{ code: {=u16:#x} }}' has no variant",
                e.getMessage());
    }

    @Test
    void aNestedFormatMustNameALevellessString() {
        DefmtException e = assertThrows(DefmtException.class, () -> decode("{=?}", "6400"));
        assertEquals("index 100 is not a format string", e.getMessage());
    }

    @Test
    void aFrameShorterThanItsArgumentsIsTruncated() {
        DefmtException e = assertThrows(DefmtException.class, () -> decode("{=u32}", "0102"));
        assertEquals("the frame ends early (2 more bytes wanted, 2 left)", e.getMessage());
    }
}
