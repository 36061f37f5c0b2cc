package io.probehost.driver.stlink.internal;

import java.util.List;

/** The V2 divisor tables (protocol note §5) and the choice of a frequency from a table. */
final class ClockTables {

    /** One table entry: a frequency and the divisor (V2) or the value to send (V3, kHz). */
    record Entry(int kilohertz, int divisor) {
    }

    static final List<Entry> V2_SWD = List.of(new Entry(4000, 0), new Entry(1800, 1), new Entry(1200, 2),
            new Entry(950, 3), new Entry(480, 7), new Entry(240, 15), new Entry(125, 31), new Entry(100, 40),
            new Entry(50, 79), new Entry(25, 158), new Entry(15, 265), new Entry(5, 798));

    static final List<Entry> V2_JTAG = List.of(new Entry(9000, 4), new Entry(4500, 8), new Entry(2250, 16),
            new Entry(1125, 32), new Entry(562, 64), new Entry(281, 128), new Entry(140, 256));

    private ClockTables() {
    }

    /** The V3 table: the frequencies GET_COM_FREQ listed, each sent as itself. */
    static List<Entry> v3(List<Integer> kilohertz) {
        return kilohertz.stream().map(khz -> new Entry(khz, khz)).toList();
    }

    /** The fastest entry not above the request; the slowest when every entry is above it. */
    static Entry choose(List<Entry> table, long clockHz) {
        if (table.isEmpty()) {
            throw new IllegalArgumentException("the ST-Link listed no clock frequencies");
        }
        Entry best = null;
        Entry slowest = table.get(0);
        for (Entry entry : table) {
            if (entry.kilohertz() < slowest.kilohertz()) {
                slowest = entry;
            }
            if (entry.kilohertz() * 1000L <= clockHz && (best == null || entry.kilohertz() > best.kilohertz())) {
                best = entry;
            }
        }
        return best == null ? slowest : best;
    }
}
