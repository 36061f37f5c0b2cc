package io.probehost.defmt;

import java.util.Optional;

/**
 * One interned string of the {@code .defmt} table: its index (the symbol's address), the symbol's
 * {@code tag} ({@code defmt_info}, {@code defmt_prim}, ...) and {@code data} (a format string or literal).
 */
public record DefmtEntry(int index, String tag, String data) {

    public static final String PRINTLN = "defmt_println";
    public static final String TIMESTAMP = "defmt_timestamp";

    /** The level of a log statement; empty for {@code println} and level-less strings. */
    public Optional<DefmtLevel> level() {
        return DefmtLevel.fromTag(tag);
    }

    /** True for what a frame may start with: a log statement or a {@code println}. */
    public boolean isStatement() {
        return level().isPresent() || PRINTLN.equals(tag);
    }
}
