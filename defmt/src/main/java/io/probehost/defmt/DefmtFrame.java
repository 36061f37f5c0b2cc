package io.probehost.defmt;

import java.util.Optional;

/**
 * One decoded log frame: the statement's index, its level (empty for {@code println}), the rendered
 * timestamp (empty when the firmware defines none), the message and where the statement is written.
 */
public record DefmtFrame(int index, Optional<DefmtLevel> level, Optional<String> timestamp, String text,
        Optional<DefmtLocation> location) implements DefmtRecord {
}
