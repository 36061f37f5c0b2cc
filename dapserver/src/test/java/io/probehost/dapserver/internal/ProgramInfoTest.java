package io.probehost.dapserver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** Source lines and functions to addresses on examples/blinky.elf, whose addresses gdb and objdump name. */
class ProgramInfoTest {
    static final Path BLINKY = Path.of("..", "examples", "blinky.elf").toAbsolutePath().normalize();
    private final ProgramInfo blinky = ProgramInfo.read(BLINKY);

    @Test
    void aLineMapsToTheStatementThatStartsItWhateverFolderTheClientNamesTheSourceIn() {
        // blinky.c:29 watched.toggles++; is_stmt row at 0x8c (objdump --dwarf=decodedline)
        assertEquals(new ProgramInfo.LineAddresses(29, List.of(0x8cL)), blinky.lineAddresses("/home/someone/blinky.c", 29)
                .orElseThrow());
        assertEquals(new ProgramInfo.LineAddresses(29, List.of(0x8cL)), blinky.lineAddresses("blinky.c", 29).orElseThrow());
    }

    @Test
    void aLineWithoutCodeMovesToTheNextLineThatHasSome() {
        // 31 is blank, 32 and 33 are main's declaration and brace: its first statement is line 34 at 0xa0
        assertEquals(new ProgramInfo.LineAddresses(34, List.of(0xa0L)), blinky.lineAddresses("blinky.c", 31).orElseThrow());
    }

    @Test
    void aLineOfAnotherFileOrPastTheCodeHasNoAddress() {
        assertTrue(blinky.lineAddresses("other.c", 29).isEmpty());
        assertTrue(blinky.lineAddresses("blinky.c", 500).isEmpty());
    }

    @Test
    void aFunctionBreakpointIsWhereGdbPutsIt() {
        // gdb: "Breakpoint 1 at 0xa0: file blinky.c, line 34." and led_toggle () at blinky.c:28 (0x80)
        assertEquals(OptionalLong.of(0xa0), blinky.functionAddress("main"));
        assertEquals(OptionalLong.of(0x80), blinky.functionAddress("led_toggle"));
        assertEquals(OptionalLong.empty(), blinky.functionAddress("no_such_function"));
    }

    @Test
    void aSymbolWithoutDwarfStillGivesAFunctionAddress() {
        // vector_table is an object; fault_handler is code in startup.c
        assertEquals(OptionalLong.of(0x40), blinky.functionAddress("fault_handler"));
        assertEquals(OptionalLong.empty(), blinky.functionAddress("watched"));
    }

    @Test
    void anAddressHasItsLineAndTheSourceBesideTheElf() {
        assertEquals(29, blinky.location(0x8e).orElseThrow().line());
        assertEquals(BLINKY.resolveSibling("blinky.c").toString(), blinky.sourcePath(blinky.location(0x8c).orElseThrow()));
        assertTrue(blinky.startsStatement(0x8c));
        assertFalse(blinky.startsStatement(0x8e));
    }
}
