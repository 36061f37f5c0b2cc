package io.probehost.rtt;

/** A channel's mode, bits 1:0 of its descriptor's Flags: what the writer does when the ring is full. */
public enum RttMode {
    /** Drop the whole write when it does not fit (the default). */
    NO_BLOCK_SKIP("skip"),
    /** Write what fits, drop the rest. */
    NO_BLOCK_TRIM("trim"),
    /** Wait until the reader makes room. */
    BLOCK_IF_FIFO_FULL("block");

    private final String word;

    RttMode(String word) {
        this.word = word;
    }

    /** The short name commands show: skip, trim or block. */
    public String word() {
        return word;
    }

    /** The mode of a descriptor's Flags word; the undefined value 3 reads as trim; higher bits are ignored. */
    public static RttMode ofFlags(int flags) {
        return switch (flags & 3) {
            case 0 -> NO_BLOCK_SKIP;
            case 2 -> BLOCK_IF_FIFO_FULL;
            default -> NO_BLOCK_TRIM;
        };
    }
}
