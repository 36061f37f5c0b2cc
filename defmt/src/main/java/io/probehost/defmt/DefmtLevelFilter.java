package io.probehost.defmt;

import java.util.Optional;

/**
 * Which frames to show: those at {@code minimum} or above; {@code println} frames always. An empty
 * minimum ({@code off}) shows only {@code println}. Spelled as defmt's {@code DEFMT_LOG}: {@code trace},
 * {@code debug}, {@code info}, {@code warn}, {@code error} or {@code off}.
 */
public record DefmtLevelFilter(Optional<DefmtLevel> minimum) {

    public static final DefmtLevelFilter ALL = new DefmtLevelFilter(Optional.of(DefmtLevel.TRACE));

    /** @throws DefmtException for a name that is no level */
    public static DefmtLevelFilter parse(String name) {
        return name.strip().equalsIgnoreCase("off") ? new DefmtLevelFilter(Optional.empty())
                : new DefmtLevelFilter(Optional.of(DefmtLevel.fromName(name)));
    }

    public boolean accepts(DefmtFrame frame) {
        return frame.level().map(level -> minimum.isPresent() && level.compareTo(minimum.get()) >= 0).orElse(true);
    }

    @Override
    public String toString() {
        return minimum.map(l -> l.name().toLowerCase(java.util.Locale.ROOT)).orElse("off");
    }
}
