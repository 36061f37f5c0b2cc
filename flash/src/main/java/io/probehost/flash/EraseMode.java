package io.probehost.flash;

import java.util.Locale;

/** How the loader erases: the whole chip, only the sectors it writes, or whichever is cheaper. */
public enum EraseMode {
    CHIP("chip"),
    SECTOR("sector"),
    /** Chip erase when the sectors to rewrite are most of the chip (as pyOCD decides), else sector erase. */
    AUTO("auto");

    private final String optionValue;

    EraseMode(String optionValue) {
        this.optionValue = optionValue;
    }

    /** The value as typed after {@code --erase}. */
    public String optionValue() {
        return optionValue;
    }

    public static EraseMode parse(String text) {
        for (EraseMode mode : values()) {
            if (mode.optionValue.equals(text.toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("--erase " + text + ": expected chip, sector or auto");
    }
}
