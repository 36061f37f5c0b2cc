package io.probehost.rtt;

/**
 * One channel of a control block, as its descriptor read.
 *
 * @param direction  up (target to host) or down
 * @param index      number among the channels of its direction
 * @param name       the name the descriptor points to, empty when it points nowhere
 * @param descriptor address of the 24-byte descriptor
 * @param buffer     address of the ring storage
 * @param size       ring size in bytes (capacity is one less)
 * @param flags      the descriptor's Flags word; bits 1:0 are the mode
 */
public record RttChannel(RttDirection direction, int index, String name, long descriptor, long buffer, int size,
        int flags) {

    public RttMode mode() {
        return RttMode.ofFlags(flags);
    }

    /** Whether the descriptor names a ring; an unused one has no storage. */
    public boolean configured() {
        return buffer != 0 && size > 1;
    }
}
