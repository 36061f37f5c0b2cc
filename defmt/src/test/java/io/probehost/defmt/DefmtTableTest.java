package io.probehost.defmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The table read from ELF files built from C with the symbols defmt's macros emit (examples/defmt-log and a raw v3 one). */
class DefmtTableTest {

    static Path example(String name) {
        return Path.of("../examples", name);
    }

    static Path rawV3() throws URISyntaxException {
        return Path.of(DefmtTableTest.class.getResource("raw-v3.elf").toURI());
    }

    static int index(DefmtTable table, String data) {
        return table.entries().stream().filter(e -> e.data().equals(data)).findFirst().orElseThrow().index();
    }

    @ParameterizedTest
    @ValueSource(strings = {"defmt-log.elf", "nucleo-defmt-log.elf", "longan-defmt-log.elf"})
    void readsTheExampleOnEveryArchitecture(String elf) {
        DefmtTable table = DefmtTable.read(example(elf)).orElseThrow();
        assertEquals(4, table.version());
        assertEquals(DefmtEncoding.RZCOBS, table.encoding());
        assertEquals("{=u32:us}", table.timestamp().orElseThrow().data());
        DefmtEntry info = table.entry(index(table, "tick {=u32}: temperature = {=i16} C")).orElseThrow();
        assertEquals(Optional.of(DefmtLevel.INFO), info.level());
        assertEquals(Optional.of(new DefmtLocation("main", "defmt-log.c", 213)), table.location(info.index()));
        int error = index(table, "out of range: {=?}");
        assertEquals(Optional.of(new DefmtLocation("main", "defmt-log.c", 218)), table.location(error));
        assertEquals("defmt_derived", table.entry(index(table, "Reading {{ sensor: {=u8}, value: {=i16} }}"))
                .orElseThrow().tag());
        DefmtEntry println = table.entry(index(table, "defmt-log started on {=str}")).orElseThrow();
        assertTrue(println.isStatement());
        assertEquals(Optional.empty(), println.level());
    }

    /** Prim strings first, then the statements by level, as defmt.x orders them; index 0 is never used. */
    @Test
    void indicesFollowTheLinkerScriptsOrder() {
        DefmtTable table = DefmtTable.read(example("defmt-log.elf")).orElseThrow();
        List<String> tags = table.entries().stream().map(DefmtEntry::tag).toList();
        assertEquals(List.of("defmt_prim", "defmt_trace", "defmt_debug", "defmt_info", "defmt_warn", "defmt_error",
                "defmt_println", "defmt_str", "defmt_derived", "defmt_timestamp"), tags);
        assertEquals(1, table.entries().iterator().next().index());
    }

    @Test
    void readsAVersion3RawTableWithoutTimestamp() throws Exception {
        DefmtTable table = DefmtTable.read(rawV3()).orElseThrow();
        assertEquals(3, table.version());
        assertEquals(DefmtEncoding.RAW, table.encoding());
        assertEquals(Optional.empty(), table.timestamp());
        assertEquals(Optional.of(new DefmtLocation("reset_handler", "raw-v3.c", 19)),
                table.location(index(table, "answer={=u8}")));
    }

    @Test
    void anElfWithoutDefmtGivesNoTable() {
        assertFalse(DefmtTable.read(example("rtt-log.elf")).isPresent());
    }

    @Test
    void anUnsupportedVersionIsRefused() {
        DefmtException e = assertThrows(DefmtException.class,
                () -> new DefmtTable(5, DefmtEncoding.RAW, List.of(), Map.of()));
        assertEquals("defmt wire format version 5 is not supported (3 or 4)", e.getMessage());
    }

    @Test
    void twoTimestampFormatsAreRefused() {
        List<DefmtEntry> entries = List.of(new DefmtEntry(1, DefmtEntry.TIMESTAMP, "{=u8}"),
                new DefmtEntry(2, DefmtEntry.TIMESTAMP, "{=u16}"));
        DefmtException e = assertThrows(DefmtException.class,
                () -> new DefmtTable(4, DefmtEncoding.RAW, entries, Map.of()));
        assertEquals("the ELF defines 2 defmt timestamps; one is allowed", e.getMessage());
    }
}
