package io.probehost.itest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One row of probe:bench's table: a direction over a transport, its round trips and the protocol's floor. */
record BenchRow(String direction, long roundTrips, long floor) {

    /** The rows of {@code bench} whose transport column is {@code transport}, such as {@code USB bulk}. */
    static List<BenchRow> of(String bench, String transport) {
        Pattern row = Pattern.compile("(?m)^  " + Pattern.quote(transport)
                + "\\s+(write|read)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s");
        List<BenchRow> rows = new ArrayList<>();
        for (Matcher found = row.matcher(bench); found.find(); ) {
            rows.add(new BenchRow(found.group(1), Long.parseLong(found.group(3)), Long.parseLong(found.group(4))));
        }
        return rows;
    }
}
