package io.probehost.flash.format.debug;

import java.util.Optional;

/** Call frame information ({@code .debug_frame}): the unwind row that holds at a code address. */
@FunctionalInterface
public interface CallFrameInfo {

    /** The row at {@code pc}, or empty when no FDE covers it. */
    Optional<UnwindRow> rowAt(long pc);

    /** Call frame information that covers nothing (a file without {@code .debug_frame}). */
    static CallFrameInfo none() {
        return pc -> Optional.empty();
    }
}
