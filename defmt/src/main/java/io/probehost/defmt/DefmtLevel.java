package io.probehost.defmt;

import java.util.Locale;
import java.util.Optional;

/** The log levels of defmt, lowest first, with the symbol tag that marks each. */
public enum DefmtLevel {
    TRACE, DEBUG, INFO, WARN, ERROR;

    /** The {@code tag} of a log statement at this level: {@code defmt_info}. */
    public String tag() {
        return "defmt_" + name().toLowerCase(Locale.ROOT);
    }

    /** The level a symbol tag names; empty for {@code defmt_println} and level-less tags. */
    public static Optional<DefmtLevel> fromTag(String tag) {
        for (DefmtLevel level : values()) {
            if (level.tag().equals(tag)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** A level by name, any case ({@code info}, {@code WARN}). */
    public static DefmtLevel fromName(String name) {
        for (DefmtLevel level : values()) {
            if (level.name().equalsIgnoreCase(name.trim())) {
                return level;
            }
        }
        throw new DefmtException("unknown defmt level '" + name + "' (trace, debug, info, warn, error or off)");
    }
}
