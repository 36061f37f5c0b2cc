package io.probehost.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeException;
import io.probehost.api.debug.BreakpointKind;
import io.probehost.api.text.TextTable;
import io.probehost.command.CommandLine;
import io.probehost.command.CommandSyntax;

class StopPointsTest {

    @Test
    void removeReportsTheAddressWhenThePointWasSet() {
        List<Long> asked = new ArrayList<>();
        String result = StopPoints.remove(line(BreakCommands.REMOVE, "0x100"), "break", "breakpoint",
                address -> asked.add(address));
        assertEquals("Removed breakpoint at 0x00000100", result);
        assertEquals(List.of(0x100L), asked);
    }

    @Test
    void removeNamesTheListCommandWhenNothingIsAtTheAddress() {
        ProbeException error = assertThrows(ProbeException.class,
                () -> StopPoints.remove(line(WatchCommands.REMOVE, "0x20"), "watch", "watchpoint", a -> false));
        assertEquals("no watchpoint at 0x00000020 (watch:list shows them)", error.getMessage());
    }

    @Test
    void removeRefusesExtraArgumentsBeforeAskingTheTarget() {
        List<Long> asked = new ArrayList<>();
        ProbeException error = assertThrows(ProbeException.class, () -> CommandSyntax.of(BreakCommands.REMOVE)
                .run(new String[] {"0x20", "0x24"}, line -> StopPoints.remove(line, "break", "breakpoint", asked::add)));
        assertEquals("unexpected argument '0x24'; usage: break:remove [-u UID] [-W] [--wait] [-O name=value] ADDR",
                error.getMessage());
        assertEquals(List.of(), asked);
    }

    private static CommandLine line(String usage, String... args) {
        return CommandSyntax.of(usage).parse(args);
    }

    @Test
    void tableSaysNoneWhenNothingIsSet() {
        assertEquals("No breakpoints",
                StopPoints.table(List.<Long>of(), "breakpoints", new TextTable("#", "Address"), a -> List.of(a)));
    }

    @Test
    void tableNumbersThePointsFromZero() {
        String table = StopPoints.table(List.of(0x100L, 0x200L), "breakpoints",
                new TextTable("#", "Address").numeric(0), a -> List.of(HexDump.hex32(a)));
        String expected = new TextTable("#", "Address").numeric(0).row(0, "0x00000100").row(1, "0x00000200")
                .toString();
        assertEquals(expected, table);
    }

    @Test
    void kindIsTheLowerCaseName() {
        assertEquals("hardware", StopPoints.kind(BreakpointKind.HARDWARE));
    }
}
