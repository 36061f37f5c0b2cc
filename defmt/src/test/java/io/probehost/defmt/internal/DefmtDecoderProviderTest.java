package io.probehost.defmt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.probehost.defmt.DefmtException;
import io.probehost.defmt.DefmtLevel;
import io.probehost.defmt.DefmtLevelFilter;
import io.probehost.defmt.DefmtTable;
import io.probehost.rtt.RttException;
import io.probehost.rtt.RttStreamDecoder;

class DefmtDecoderProviderTest {
    private static final Path EXAMPLE = Path.of("../examples/defmt-log.elf");

    @Test
    void theConfiguredLevelWinsOverDefmtLogWhichWinsOverTrace() {
        assertEquals(DefmtLevelFilter.parse("warn"), DefmtDecoderProvider.filter("warn", Map.of("DEFMT_LOG", "debug")));
        assertEquals(new DefmtLevelFilter(Optional.of(DefmtLevel.DEBUG)),
                DefmtDecoderProvider.filter("", Map.of("DEFMT_LOG", "DEBUG")));
        assertEquals(DefmtLevelFilter.ALL, DefmtDecoderProvider.filter("", Map.of()));
        assertEquals(new DefmtLevelFilter(Optional.empty()), DefmtDecoderProvider.filter("off", Map.of()));
    }

    @Test
    void defmtLogModuleFiltersAreLeftOutAndItsPlainLevelKept() {
        assertEquals(DefmtLevelFilter.parse("info"),
                DefmtDecoderProvider.filter("", Map.of("DEFMT_LOG", "app::radio=trace,info")));
        assertEquals(DefmtLevelFilter.ALL, DefmtDecoderProvider.filter("", Map.of("DEFMT_LOG", "app=debug")));
    }

    @Test
    void anUnknownLevelIsRefusedWithTheChoices() {
        DefmtException e = assertThrows(DefmtException.class, () -> DefmtDecoderProvider.filter("loud", Map.of()));
        assertEquals("unknown defmt level 'loud' (trace, debug, info, warn, error or off)", e.getMessage());
    }

    /** The example's frames: println, trace, info, debug, warn, error; with the filter at warn only println, warn and error stay. */
    @Test
    void theDecoderLeavesOutFramesBelowTheFilterButNotPrintln() {
        DefmtTable table = DefmtTable.read(EXAMPLE).orElseThrow();
        byte[] stream = ExampleFrames.stream(table);
        RttStreamDecoder decoder = new DefmtDecoderProvider(DefmtLevelFilter.parse("warn"), true).decoderFor(EXAMPLE)
                .orElseThrow();
        String text = decoder.decode(stream, 0, stream.length) + decoder.finish();
        assertEquals("""
                0.000000 defmt-log started on micro:bit (main @ defmt-log.c:206)
                0.100000 WARN  supply 3.25 V, status beef0000 (main @ defmt-log.c:216)
                0.100000 ERROR out of range: Reading { sensor: 2, value: -40 } (main @ defmt-log.c:218)
                """, text);
    }

    @Test
    void everyLevelShowsWithTheDefaultFilter() {
        DefmtTable table = DefmtTable.read(EXAMPLE).orElseThrow();
        byte[] stream = ExampleFrames.stream(table);
        RttStreamDecoder decoder = new DefmtDecoderProvider(DefmtLevelFilter.ALL, false).decoderFor(EXAMPLE).orElseThrow();
        String text = decoder.decode(stream, 0, stream.length);
        assertEquals(12, text.lines().count(), text);
        assertTrue(text.contains("0.100000 DEBUG sensor 3 read [18, 0, 171, 127], valid: true, mode fast\n"), text);
        assertTrue(text.contains("0.100000 TRACE idle for 20000 turns\n└─ main @ defmt-log.c:212\n"), text);
    }

    @Test
    void anElfWithoutDefmtIsLeftToTheTextDecoder() {
        assertEquals(Optional.empty(), new DefmtDecoderProvider(DefmtLevelFilter.ALL, false)
                .decoderFor(Path.of("../examples/rtt-log.elf")));
    }

    @Test
    void anElfWithBrokenDefmtMetadataIsAnRttError(@TempDir Path temp) throws Exception {
        byte[] elf = Files.readAllBytes(EXAMPLE);
        byte[] marker = "_defmt_version_ = 4".getBytes();
        int at = indexOf(elf, marker);
        elf[at + marker.length - 1] = '9';
        Path broken = Files.write(temp.resolve("broken.elf"), elf);
        RttException e = assertThrows(RttException.class,
                () -> new DefmtDecoderProvider(DefmtLevelFilter.ALL, false).decoderFor(broken));
        assertEquals("broken.elf: defmt wire format version 9 is not supported (3 or 4)", e.getMessage());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    /** One turn of the example's main loop (tick 3), after its start-up println, rzCOBS-encoded. */
    static final class ExampleFrames {
        static byte[] stream(DefmtTable table) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0);
            frame(out, table, "defmt-log started on {=str}", "00000000 09000000 6d6963726f3a626974");
            frame(out, table, "idle for {=u32} turns", "a0860100 204e0000");
            frame(out, table, "tick {=u32}: temperature = {=i16} C", "a0860100 03000000 1600");
            frame(out, table, "sensor {=u8} read {=[u8]}, valid: {=bool}, mode {=istr}",
                    "a0860100 03 04000000 1200ab7f 01 " + index(table, "fast"));
            frame(out, table, "supply {=f32} V, status {:x}", "a0860100 00005040 " + index(table, "{=u32}") + " 0000efbe");
            frame(out, table, "out of range: {=?}", "a0860100 " + index(table, "Reading {{ sensor: {=u8}, value: {=i16} }}")
                    + " 02 d8ff");
            return out.toByteArray();
        }

        private static String index(DefmtTable table, String data) {
            int i = table.entries().stream().filter(e -> e.data().equals(data)).findFirst().orElseThrow().index();
            return String.format("%02x%02x", i & 0xFF, i >> 8);
        }

        private static void frame(ByteArrayOutputStream out, DefmtTable table, String data, String rest) {
            out.writeBytes(Rzcobs.encode(java.util.HexFormat.of().parseHex((index(table, data) + rest).replace(" ", ""))));
        }
    }
}
