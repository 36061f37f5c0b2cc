package io.probehost.rtt;

import java.time.Duration;

/**
 * How a streaming loop paces its reads: at once again after a read that brought bytes (a busy log
 * then gets the link's whole read bandwidth), and after {@link #IDLE_PAUSE} when a channel was
 * empty, short enough that a line shows within 10 ms of the firmware writing it.
 */
public final class RttPolling {
    /** The pause after an empty read. */
    public static final Duration IDLE_PAUSE = Duration.ofMillis(2);
    /** The pause between looks for a control block that is not there (yet). */
    public static final Duration SEARCH_PAUSE = Duration.ofMillis(100);

    private RttPolling() {
    }
}
