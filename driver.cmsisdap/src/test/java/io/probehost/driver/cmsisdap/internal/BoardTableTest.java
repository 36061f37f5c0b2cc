package io.probehost.driver.cmsisdap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        BoardTable custom = BoardTable.parse("{\"c004\": {\"vendor\": \"ErichS\", \"name\": \"tinyK20\","
                + " \"target\": \"mk20dx128xxx5\"}}");
        assertEquals("tinyK20", custom.forProbe(0x0D28, 0x0204, "C0040000").orElseThrow().name());
    }

    @Test
    void throwsWhenJsonIsMalformed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> BoardTable.parse("{\"0200\": {\"name\": \"x\"}"));
        assertTrue(error.getMessage().startsWith("bad JSON at offset"), error.getMessage());
    }
}
