package io.probehost.rtt;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.target.MemoryRegion;

/**
 * A running target's control block as it comes and goes: looked for until it appears, and looked
 * for again when its ID vanishes (a reset, new firmware that may put it elsewhere). Streaming loops
 * ({@code rtt:attach}, {@code rtt:serve}, later {@code run}) ask it for the client at each round.
 */
public final class RttTracker {
    private final MemoryInterface memory;
    private final OptionalLong symbol;
    private final List<MemoryRegion> regions;
    private Optional<RttClient> client = Optional.empty();
    private boolean seen;

    public RttTracker(MemoryInterface memory, OptionalLong symbol, List<MemoryRegion> regions) {
        this.memory = memory;
        this.symbol = symbol;
        this.regions = List.copyOf(regions);
    }

    /**
     * The client for the block that is there now, read afresh when the block moved; empty while there
     * is none. The ID is read again only when no access since the last call saw it.
     */
    public Optional<RttClient> current() {
        if (client.isEmpty() || !client.get().takeIdSeen() && !client.get().stillThere()) {
            client = RttLocator.attach(memory, symbol, regions);
            seen |= client.isPresent();
        }
        return client;
    }

    /** Ends a stream: the current client writes back the RdOff its polls still owe the target. */
    public void handBack() {
        client.ifPresent(RttClient::handBack);
    }

    /** Whether a control block was found at least once. */
    public boolean seen() {
        return seen;
    }
}
