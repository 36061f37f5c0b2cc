package io.probehost.driver.cmsisdap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class BoardTableTest {
    private final BoardTable table = BoardTable.load();

    @Test
    void findsTheCommonBoardsWhenTheShippedTableIsLoaded() {
        assertTrue(table.size() >= 30, "boards: " + table.size());
        assertEquals("nrf51822_xxaa", table.byId("9900").orElseThrow().target());
        assertEquals("nrf51822_xxaa", table.byId("9901").orElseThrow().target());
        assertEquals("nrf52833_xxaa", table.byId("9904").orElseThrow().target());
        assertEquals("mkl25z128xxx4", table.byId("0200").orElseThrow().target());
        assertEquals("nrf52832_xxaa", table.byId("1101").orElseThrow().target());
        assertEquals("NUCLEO-F401RE", table.byId("0720").orElseThrow().name());
    }

    @Test
    void findsBoardWhenProbeIsDaplinkWithAKnownId() {
        assertEquals("FRDM-K64F", table.forProbe(0x0D28, 0x0204, "0240000032044e45").orElseThrow().name());
        assertTrue(table.forProbe(0x0D28, 0x0204, "0000000032044e45").isEmpty(), "0000 means no board");
        assertTrue(table.forProbe(0x0D28, 0x0204, "7777").isEmpty(), "unknown ID");
        assertTrue(table.forProbe(0x2E8A, 0x000C, "0240000032044e45").isEmpty(), "not DAPLink");
        assertTrue(table.forProbe(0x0D28, 0x0204, "02").isEmpty(), "serial too short");
    }

    @Test
    void matchesBoardIdWhenCaseDiffers() {
        BoardTable custom = parse("{\"c004\": {\"vendor\": \"ErichS\", \"name\": \"tinyK20\","
                + " \"target\": \"mk20dx128xxx5\"}}");
        assertEquals("tinyK20", custom.forProbe(0x0D28, 0x0204, "C0040000").orElseThrow().name());
    }

    @Test
    void decodesEveryJsonEscapeWhenBoardNamesUseThem() {
        BoardTable custom = parse("{\"C005\": {\"vendor\": \"a\\rb\\bc\\fd\\te\\nf\","
                + " \"name\": \"\\u00e9\\u00B5\\ud83d\\ude00 \\\"q\\\" back\\\\slash\","
                + " \"target\": \"fw\\/slash\"}}");

        BoardTable.Board board = custom.byId("c005").orElseThrow();
        assertEquals("a\rb\bc\fd\te\nf", board.vendor());
        assertEquals("\u00e9\u00b5\ud83d\ude00 \"q\" back\\slash", board.name());
        assertEquals("fw/slash", board.target());
    }

    @Test
    void readsFieldsLeftOutAsEmpty() {
        BoardTable.Board board = parse("{\"1234\": {\"name\": \"bare\"}}").byId("1234").orElseThrow();

        assertEquals("", board.vendor());
        assertEquals("", board.target());
        assertEquals("bare", board.name());
    }

    @Test
    void namesTheSourceAndPositionWhenJsonIsCutShort() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> parse("{\"0200\": {\"name\": \"x\"}"));

        assertTrue(error.getMessage().startsWith("test.json is not a valid DAPLink board table at line 1, column "),
                error.getMessage());
        assertTrue(error.getMessage().endsWith(": Unexpected end-of-input: expected close marker for Object"),
                error.getMessage());
    }

    @Test
    void refusesATableWithAnUnknownFieldOrADuplicateOrANonObjectBoard() {
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> parse("{\"0200\": {\"nmae\": \"typo\"}}"));
        assertEquals("test.json is not a valid DAPLink board table: board '0200' has the unknown field 'nmae';"
                + " expected [vendor, name, target]", typo.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> parse("{\"0200\": {\"name\": \"a\"}, \"0200\": {\"name\": \"b\"}}"));
        assertTrue(twice.getMessage().contains("0200"), twice.getMessage());
        IllegalArgumentException caseTwice = assertThrows(IllegalArgumentException.class,
                () -> parse("{\"c004\": {\"name\": \"a\"}, \"C004\": {\"name\": \"b\"}}"));
        assertTrue(caseTwice.getMessage().endsWith("board ID 'C004' appears twice (IDs are case-insensitive)"),
                caseTwice.getMessage());
        IllegalArgumentException notAnObject = assertThrows(IllegalArgumentException.class,
                () -> parse("{\"0200\": \"FRDM-KL25Z\"}"));
        assertEquals("test.json is not a valid DAPLink board table: board '0200' must be an object with the fields"
                + " [vendor, name, target]", notAnObject.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse("{\"0200\": {\"name\": 7}}"));
        assertThrows(IllegalArgumentException.class, () -> parse("{\"0200\": null}"));
        assertThrows(IllegalArgumentException.class, () -> parse("[]"));
        assertThrows(IllegalArgumentException.class, () -> parse("{} {}"));
        assertThrows(IllegalArgumentException.class, () -> parse("{\"0200\": {\"name\": \"bad \\q escape\"}}"));
    }

    private static BoardTable parse(String json) {
        return BoardTable.parse("test.json", json.getBytes(StandardCharsets.UTF_8));
    }
}
