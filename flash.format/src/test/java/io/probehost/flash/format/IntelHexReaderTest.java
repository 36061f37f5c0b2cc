package io.probehost.flash.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class IntelHexReaderTest {

    private static FirmwareImage read(String text) {
        return FirmwareImageReader.read("fw.hex", text.getBytes(StandardCharsets.US_ASCII), ReadOptions.defaults());
    }

    private static String error(String text) {
        return assertThrows(ImageFormatException.class, () -> read(text)).getMessage();
    }

    /** One record with its checksum computed. */
    static String record(int type, int offset, int... data) {
        StringBuilder line = new StringBuilder(":");
        int sum = data.length + (offset >> 8) + (offset & 0xFF) + type;
        line.append(String.format("%02X%04X%02X", data.length, offset, type));
        for (int b : data) {
            line.append(String.format("%02X", b));
            sum += b;
        }
        return line.append(String.format("%02X", -sum & 0xFF)).append("\r\n").toString();
    }

    @Test
    void readsEveryRecordTypeWhenFileIsValid() {
        String hex = record(0x00, 0xFEDC, 0x21, 0x00, 0x80, 0xCF)   // at 0xFEDC, base 0
                + ":020000021000EC\n"                              // segment 0x1000 -> base 0x10000
                + record(0x00, 0x0010, 0xAA, 0xBB)                 // at 0x10010
                + ":020000040800F2\n"                              // linear 0x0800 -> base 0x08000000
                + record(0x00, 0x0000, 1, 2, 3, 4)
                + record(0x00, 0x0004, 5, 6)                       // touches the previous record
                + record(0x03, 0x0000, 0x12, 0x34, 0x00, 0x10)     // start segment address
                + ":0400000508000131BD\n"                          // start linear address wins, it comes last
                + ":00000001FF\n";

        FirmwareImage image = read(hex);

        assertEquals(List.of(new ImageSegment(0xFEDC, new byte[] {0x21, 0x00, (byte) 0x80, (byte) 0xCF}),
                new ImageSegment(0x10010, new byte[] {(byte) 0xAA, (byte) 0xBB}),
                new ImageSegment(0x0800_0000L, new byte[] {1, 2, 3, 4, 5, 6})), image.segments());
        assertEquals(0x0800_0131L, image.entryPoint().getAsLong());
    }

    @Test
    void usesStartSegmentAddressWhenNoLinearStartIsGiven() {
        FirmwareImage image = read(record(0x03, 0, 0x12, 0x34, 0x00, 0x10) + ":00000001FF\n");

        assertEquals(0x12340 + 0x10, image.entryPoint().getAsLong());
    }

    @Test
    void acceptsLowerCaseDigitsWhenChecksumIsRight() {
        assertEquals(4, read(":04fedc00210080cfb2\n:00000001ff\n").size());
    }

    @Test
    void rejectsRecordWhenChecksumIsWrong() {
        String hex = ":020000040800F2\n" + ":04FEDC00210080CFB2\n" + ":0400000021008000FF\n" + ":00000001FF\n";

        assertEquals("fw.hex line 3: checksum 0xFF, expected 0x5B", error(hex));
    }

    @Test
    void rejectsFileWhenEndOfFileRecordIsMissing() {
        assertEquals("fw.hex: no end-of-file record (:00000001FF); the file may be truncated",
                error(":04FEDC00210080CFB2\n"));
    }

    @Test
    void rejectsRecordWhenItFollowsEndOfFile() {
        assertEquals("fw.hex line 3: data after the end-of-file record on line 1",
                error(":00000001FF\n\n:04FEDC00210080CFB2\n"));
    }

    @Test
    void rejectsLineWhenItDoesNotStartWithColon() {
        assertEquals("fw.hex line 2: record does not start with ':'", error(":04FEDC00210080CFB2\n04FEDC00210080CFB2\n"));
    }

    @Test
    void rejectsRecordWhenItHoldsANonHexCharacter() {
        assertEquals("fw.hex line 1: 'G0' at column 12 is not a hex byte", error(":04FEDC0021G080CFB2\n:00000001FF\n"));
    }

    @Test
    void rejectsRecordWhenByteCountDisagreesWithLength() {
        assertEquals("fw.hex line 1: byte count 5 does not match the record's 4 data bytes",
                error(":05FEDC00210080CFB1\n:00000001FF\n"));
    }

    @Test
    void rejectsRecordWhenTypeIsUnknown() {
        assertEquals("fw.hex line 1: unknown record type 0x06", error(record(6, 0) + ":00000001FF\n"));
    }

    @Test
    void rejectsExtendedAddressWhenItHasTheWrongLength() {
        assertEquals("fw.hex line 1: record type 0x04 has 3 data bytes, must have 2",
                error(record(4, 0, 8, 0, 0) + ":00000001FF\n"));
    }

    @Test
    void rejectsRecordsWhenTheyOverlap() {
        assertEquals("fw.hex: data at 0x00000002..0x00000003 overlaps data at 0x00000000..0x00000003",
                error(record(0, 0, 1, 2, 3, 4) + record(0, 2, 9, 9) + ":00000001FF\n"));
    }
}
