package io.probehost.api.debug;

/**
 * A data watchpoint that is set.
 *
 * @param address first watched byte
 * @param size    number of watched bytes
 * @param kind    the accesses it halts on
 */
public record Watchpoint(long address, int size, WatchpointKind kind) {
}
