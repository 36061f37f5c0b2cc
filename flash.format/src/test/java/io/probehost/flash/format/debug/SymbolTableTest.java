package io.probehost.flash.format.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Address and name lookups by the rules of arm-unwind.md §7. */
class SymbolTableTest {

    private static Symbol function(String name, long address, long size, boolean global) {
        return new Symbol(name, address, size, Symbol.Kind.FUNCTION, global, true);
    }

    private final SymbolTable table = new SymbolTable(List.of(
            function("DefaultHandler_", 0x100, 4, false),
            function("DefaultHandler", 0x100, 4, true),
            function("no_size", 0x104, 0, true),
            function("after", 0x120, 8, true),
            new Symbol("buffer", 0x110, 16, Symbol.Kind.OBJECT, true, false)));

    @Test
    void prefersTheGlobalNameWhenSeveralShareAnAddress() {
        assertEquals("DefaultHandler+0x2", table.function(0x102).orElseThrow().toString());
    }

    @Test
    void letsASymbolWithoutSizeCoverUpToTheNextFunction() {
        assertEquals("no_size+0x1a", table.function(0x11E).orElseThrow().toString());
        assertEquals("after", table.function(0x120).orElseThrow().toString());
        assertTrue(table.function(0x128).isEmpty());
        assertTrue(table.function(0xFE).isEmpty());
    }

    @Test
    void keepsDataAndCodeApart() {
        assertEquals("buffer+0x4", table.lookup(0x114, Symbol.Kind.OBJECT).orElseThrow().toString());
        assertEquals("no_size+0x10", table.function(0x114).orElseThrow().toString());
    }

    @Test
    void findsAddressesByName() {
        assertEquals(0x120L, table.address("after").getAsLong());
        assertTrue(table.address("missing").isEmpty());
        assertTrue(table.symbol("DefaultHandler").orElseThrow().global());
    }
}
