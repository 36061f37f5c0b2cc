package io.probehost.flash;

/** Receives progress while the loader works; called on the loader's thread. */
@FunctionalInterface
public interface FlashProgressListener {
    FlashProgressListener NONE = (phase, done, total) -> { };

    /** {@code done} of {@code total} bytes of {@code phase} are finished. */
    void progress(FlashPhase phase, long done, long total);
}
