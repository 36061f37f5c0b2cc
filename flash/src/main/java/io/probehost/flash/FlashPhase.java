package io.probehost.flash;

/** The phases a flash operation reports progress for. */
public enum FlashPhase {
    ERASE("erase"),
    PROGRAM("program"),
    VERIFY("verify");

    private final String label;

    FlashPhase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
