package io.probehost.itest.soak;

import java.util.List;

/**
 * One command the soak sends: its kind (the name its figures are kept under), the command line, and
 * the wall time it must end within.
 */
record SoakCommand(String kind, List<String> line, long boundMillis) {
    SoakCommand {
        line = List.copyOf(line);
    }

    @Override
    public String toString() {
        return String.join(" ", line);
    }
}
