package io.probehost.api.debug;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Data watchpoints of one core. A size or alignment the hardware cannot watch, or no free
 * comparator, throws {@link io.probehost.api.TargetException} naming the address.
 */
@ProviderType
public interface WatchpointControl {

    /** How many watchpoint comparators the core has in all. */
    int watchpointCount();

    Watchpoint addWatchpoint(long address, int size, WatchpointKind kind);

    /** Removes the watchpoint starting at this address; returns false when there was none. */
    boolean removeWatchpoint(long address);

    List<Watchpoint> watchpoints();

    void removeAllWatchpoints();
}
