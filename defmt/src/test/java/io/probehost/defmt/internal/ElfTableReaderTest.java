package io.probehost.defmt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.defmt.DefmtEncoding;
import io.probehost.defmt.DefmtException;
import io.probehost.defmt.DefmtTable;
import io.probehost.flash.format.debug.CallFrameInfo;
import io.probehost.flash.format.debug.DebugInfo;
import io.probehost.flash.format.debug.LineTable;
import io.probehost.flash.format.debug.Symbol;
import io.probehost.flash.format.debug.SymbolTable;

/** The marker-symbol rules of the reference decoder, on symbol tables made up for each case. */
class ElfTableReaderTest {

    private static DebugInfo elf(String... names) {
        List<Symbol> symbols = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            symbols.add(new Symbol(names[i], i + 1, 1, Symbol.Kind.OBJECT, false, false));
        }
        return new DebugInfo(40, new SymbolTable(symbols), new LineTable(List.of()), List.of(), CallFrameInfo.none());
    }

    private static final String INFO = "{\"package\":\"app\",\"tag\":\"defmt_info\",\"data\":\"mail a\\u0040b\","
            + "\"disambiguator\":\"1\",\"crate_name\":\"app\"}";

    @Test
    void quotedMarkersAsLldKeepsThemAndEscapedJsonAreRead() {
        DefmtTable table = ElfTableReader.read(elf(INFO, "\"_defmt_version_ = 4\"", "\"_defmt_encoding_ = raw\""))
                .orElseThrow();
        assertEquals(4, table.version());
        assertEquals(DefmtEncoding.RAW, table.encoding());
        assertEquals("mail a@b", table.entry(1).orElseThrow().data());
    }

    @Test
    void symbolsThatAreNoDefmtJsonAreLeftOut() {
        DefmtTable table = ElfTableReader.read(elf("{not json", "{\"tag\":\"other_tool\",\"data\":\"x\"}",
                "_defmt_version_ = 3", "_defmt_encoding_ = rzcobs", "__DEFMT_MARKER_END")).orElseThrow();
        assertEquals(List.of(), List.copyOf(table.entries()));
    }

    @Test
    void noVersionAndNoDefmtSymbolsMeansNoDefmt() {
        assertEquals(false, ElfTableReader.read(elf("main", "_SEGGER_RTT")).isPresent());
    }

    @Test
    void defmtSymbolsWithoutVersionAreAnError() {
        DefmtException e = assertThrows(DefmtException.class, () -> ElfTableReader.read(elf(INFO)));
        assertEquals("the ELF has defmt symbols but no _defmt_version_ symbol", e.getMessage());
    }

    @Test
    void aMissingEncodingOrASecondVersionIsAnError() {
        assertEquals("the ELF has no _defmt_encoding_ symbol", assertThrows(DefmtException.class,
                () -> ElfTableReader.read(elf("_defmt_version_ = 4"))).getMessage());
        assertEquals("the ELF has 2 _defmt_version_ and 1 _defmt_encoding_ symbols; one of each is allowed",
                assertThrows(DefmtException.class, () -> ElfTableReader.read(elf("_defmt_version_ = 4",
                        "_defmt_version_ = 3", "_defmt_encoding_ = raw"))).getMessage());
    }

    @Test
    void anUnknownEncodingIsAnError() {
        assertEquals("unknown defmt encoding 'lz4' (rzcobs or raw)", assertThrows(DefmtException.class,
                () -> ElfTableReader.read(elf("_defmt_version_ = 4", "_defmt_encoding_ = lz4"))).getMessage());
    }
}
