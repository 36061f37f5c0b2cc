package io.probehost.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongPredicate;

import io.probehost.api.ProbeException;
import io.probehost.api.text.Numbers;
import io.probehost.api.text.TextTable;
import io.probehost.command.CommandLine;

/** What {@code break:*} and {@code watch:*} share: removal by address and the table of what is set. */
final class StopPoints {
    private StopPoints() {
    }

    /**
     * Removes the {@code noun} at the command line's one address; {@code remover} is asked only once
     * the address has parsed, and says whether there was one to remove.
     */
    static String remove(CommandLine line, String scope, String noun, LongPredicate remover) {
        long address = Numbers.address(line.argument(0));
        if (!remover.test(address)) {
            throw new ProbeException(
                    "no " + noun + " at " + HexDump.hex32(address) + " (" + scope + ":list shows them)");
        }
        return "Removed " + noun + " at " + HexDump.hex32(address);
    }

    /** The points numbered from 0 in the first column, or "No {@code plural}" when there are none. */
    static <T> String table(List<T> points, String plural, TextTable table, Function<T, List<Object>> cells) {
        if (points.isEmpty()) {
            return "No " + plural;
        }
        int index = 0;
        for (T point : points) {
            List<Object> row = new ArrayList<>();
            row.add(index++);
            row.addAll(cells.apply(point));
            table.row(row.toArray());
        }
        return table.toString();
    }

    static String kind(Enum<?> kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
