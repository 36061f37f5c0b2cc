package io.probehost.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import io.probehost.api.option.OptionDescriptor;
import io.probehost.api.option.SessionOptions;

class OptionTableTest {
    private static final List<OptionDescriptor<?>> OPTIONS = List.of(
            OptionDescriptor.of("frequency", Long.class, 1_000_000L, "SWCLK/TCK frequency in Hz (4000000, 4M or 400k)"),
            OptionDescriptor.of("reset_type", String.class, "sw", "reset used by target:reset: sw (SYSRESETREQ) "
                    + "or hw (nRESET pin), the one pyOCD calls reset type"));

    @Test
    void pipedOutputKeepsOneRowPerOption() {
        String table = OptionCommands.table(OPTIONS, SessionOptions.defaults(), OptionalInt.empty());
        assertEquals(2 + OPTIONS.size(), table.lines().count(), table);
        assertTrue(table.lines().anyMatch(row -> row.contains("reset_type") && row.endsWith("reset type")), table);
    }

    @Test
    void aNarrowTerminalGetsTheHelpWrappedUnderEachRow() {
        String table = OptionCommands.table(OPTIONS, SessionOptions.defaults(), OptionalInt.of(60));
        assertTrue(table.lines().allMatch(row -> row.length() <= 60), table);
        assertTrue(table.lines().anyMatch(row -> row.startsWith("  frequency ") && row.endsWith("1000000")), table);
        assertTrue(table.contains("\n               SWCLK/TCK frequency in Hz"), table);
        String joined = table.replace("\n               ", " ");
        assertTrue(joined.contains("or hw (nRESET pin), the one pyOCD calls reset type"), joined);
    }

    @Test
    void aWideTerminalKeepsOneRowPerOption() {
        String table = OptionCommands.table(OPTIONS, SessionOptions.defaults(), OptionalInt.of(400));
        assertEquals(2 + OPTIONS.size(), table.lines().count(), table);
    }
}
