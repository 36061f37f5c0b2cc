package io.probehost.defmt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.defmt.internal.Rzcobs;

/**
 * Streams as the example firmware sends them (its own table): rzCOBS frames split across reads,
 * a garbled frame skipped, and a raw version-3 stream.
 */
class DefmtStreamDecoderTest {
    private static final HexFormat HEX = HexFormat.of();
    private final DefmtTable table = DefmtTable.read(DefmtTableTest.example("defmt-log.elf")).orElseThrow();
    private final DefmtLines lines = new DefmtLines(false);

    private byte[] frame(String data, String timestampAndArguments) {
        int index = DefmtTableTest.index(table, data);
        return HEX.parseHex(String.format("%02x%02x", index & 0xFF, index >> 8) + timestampAndArguments.replace(" ", ""));
    }

    private static byte[] rzcobs(byte[]... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        for (byte[] f : frames) {
            out.writeBytes(Rzcobs.encode(f));
        }
        return out.toByteArray();
    }

    private String text(List<DefmtRecord> records) {
        StringBuilder out = new StringBuilder();
        records.forEach(r -> out.append(lines.format(r)));
        return out.toString();
    }

    private byte[] exampleStream() {
        return rzcobs(frame("defmt-log started on {=str}", "00000000 09000000 6d6963726f3a626974"),
                frame("tick {=u32}: temperature = {=i16} C", "a0860100 00000000 1300"),
                frame("out of range: {=?}", "400d0300 " + String.format("%02x00", DefmtTableTest.index(table,
                        "Reading {{ sensor: {=u8}, value: {=i16} }}")) + " 02 d8ff"));
    }

    private static final String EXAMPLE_LINES = """
            0.000000 defmt-log started on micro:bit
            └─ main @ defmt-log.c:206
            0.100000 INFO  tick 0: temperature = 19 C
            └─ main @ defmt-log.c:213
            0.200000 ERROR out of range: Reading { sensor: 2, value: -40 }
            └─ main @ defmt-log.c:218
            """;

    @Test
    void decodesTheExamplesFramesWithTimestampLevelAndLocation() {
        DefmtStreamDecoder decoder = new DefmtStreamDecoder(table);
        byte[] stream = exampleStream();
        assertEquals(EXAMPLE_LINES, text(decoder.feed(stream, 0, stream.length)));
        assertEquals(List.of(), decoder.finish());
    }

    @Test
    void framesSplitAcrossReadsDecodeTheSame() {
        byte[] stream = exampleStream();
        for (int chunk = 1; chunk < 9; chunk++) {
            DefmtStreamDecoder decoder = new DefmtStreamDecoder(table);
            List<DefmtRecord> records = new ArrayList<>();
            for (int at = 0; at < stream.length; at += chunk) {
                records.addAll(decoder.feed(stream, at, Math.min(chunk, stream.length - at)));
            }
            assertEquals(EXAMPLE_LINES, text(records), "reads of " + chunk + " bytes");
        }
    }

    @Test
    void aGarbledFrameIsReportedAndDecodingResumesAtTheNextFrame() {
        byte[] good = rzcobs(frame("tick {=u32}: temperature = {=i16} C", "a0860100 07000000 1500"));
        byte[] bad = HEX.parseHex("ff138300");
        byte[] stream = new byte[good.length * 2 + bad.length];
        System.arraycopy(good, 0, stream, 0, good.length);
        System.arraycopy(bad, 0, stream, good.length, bad.length);
        System.arraycopy(good, 0, stream, good.length + bad.length, good.length);
        List<DefmtRecord> records = new DefmtStreamDecoder(table).feed(stream, 0, stream.length);
        assertEquals(3, records.size());
        assertEquals(new DefmtGarbled(3, "rzCOBS: the frame ends inside a run"), records.get(1));
        assertEquals("""
                0.100000 INFO  tick 7: temperature = 21 C
                └─ main @ defmt-log.c:213
                (defmt: garbled frame skipped, 3 bytes)
                0.100000 INFO  tick 7: temperature = 21 C
                └─ main @ defmt-log.c:213
                """, text(records));
    }

    @Test
    void aFrameWithAnUnknownIndexIsGarbled() {
        byte[] stream = rzcobs(HEX.parseHex("ff7f00000000"));
        List<DefmtRecord> records = new DefmtStreamDecoder(table).feed(stream, 0, stream.length);
        assertEquals(List.of(new DefmtGarbled(3, "index 32767 is not a log statement")), records);
    }

    @Test
    void anIncompleteFrameAtTheEndIsReported() {
        byte[] stream = rzcobs(frame("tick {=u32}: temperature = {=i16} C", "a0860100 07000000 1500"));
        DefmtStreamDecoder decoder = new DefmtStreamDecoder(table);
        assertEquals(List.of(), decoder.feed(stream, 0, stream.length - 1));
        assertEquals(List.of(new DefmtGarbled(stream.length - 2, "incomplete frame at the end of the stream")),
                decoder.finish());
    }

    @Test
    void aRawVersion3StreamDecodesFrameByFrameAcrossReads() throws Exception {
        DefmtTable raw = DefmtTable.read(DefmtTableTest.rawV3()).orElseThrow();
        int answer = DefmtTableTest.index(raw, "answer={=u8}");
        int count = DefmtTableTest.index(raw, "count {}");
        int plain = DefmtTableTest.index(raw, "plain");
        int u8 = DefmtTableTest.index(raw, "{=u8}");
        byte[] stream = {(byte) answer, 0, 42, (byte) count, 0, (byte) u8, 0, 7, (byte) plain, 0};
        DefmtStreamDecoder decoder = new DefmtStreamDecoder(raw);
        List<DefmtRecord> records = new ArrayList<>();
        for (byte b : stream) {
            records.addAll(decoder.feed(new byte[] {b}, 0, 1));
        }
        assertEquals(List.of(
                new DefmtFrame(answer, Optional.of(DefmtLevel.INFO), Optional.empty(), "answer=42",
                        raw.location(answer)),
                new DefmtFrame(count, Optional.of(DefmtLevel.ERROR), Optional.empty(), "count 7", raw.location(count)),
                new DefmtFrame(plain, Optional.empty(), Optional.empty(), "plain", raw.location(plain))), records);
        assertEquals("INFO  answer=42\n└─ reset_handler @ raw-v3.c:19\n", lines.format(records.get(0)));
    }

    @Test
    void aRawStreamReportsWhatItCannotDecodeAndGoesOn() throws Exception {
        DefmtTable raw = DefmtTable.read(DefmtTableTest.rawV3()).orElseThrow();
        int plain = DefmtTableTest.index(raw, "plain");
        DefmtStreamDecoder decoder = new DefmtStreamDecoder(raw);
        List<DefmtRecord> records = decoder.feed(new byte[] {(byte) 0xEE, 0x7F, 1}, 0, 3);
        assertEquals(List.of(new DefmtGarbled(3, "index 32750 is not a log statement")), records);
        List<DefmtRecord> next = decoder.feed(new byte[] {(byte) plain, 0}, 0, 2);
        assertEquals("plain\n└─ reset_handler @ raw-v3.c:21\n", text(next));
    }

    @Test
    void aStreamWithoutFrameBoundariesIsReportedInsteadOfHeldForever() {
        DefmtStreamDecoder decoder = new DefmtStreamDecoder(table);
        byte[] noise = new byte[DefmtStreamDecoder.MAX_FRAME_BYTES + 1];
        java.util.Arrays.fill(noise, (byte) 0x55);
        assertEquals(List.of(new DefmtGarbled(noise.length, "no frame boundary in 65536 bytes")),
                decoder.feed(noise, 0, noise.length));
        assertEquals(List.of(), decoder.finish());
    }

    @Test
    void aRawFrameWaitingForMoreThanAFrameCanHoldIsReported() throws Exception {
        DefmtTable raw = new DefmtTable(3, DefmtEncoding.RAW, List.of(new DefmtEntry(1, "defmt_info", "{=[u8]}")),
                java.util.Map.of());
        DefmtStreamDecoder decoder = new DefmtStreamDecoder(raw);
        byte[] header = HEX.parseHex("0100ffffff7f");
        assertEquals(List.of(), decoder.feed(header, 0, header.length));
        byte[] more = new byte[DefmtStreamDecoder.MAX_FRAME_BYTES];
        List<DefmtRecord> records = decoder.feed(more, 0, more.length);
        assertEquals(1, records.size());
        assertEquals(header.length + more.length, ((DefmtGarbled) records.get(0)).bytes());
    }
}
