package io.probehost.rtt;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.target.MemoryRegion;

/** Finds a control block: at the ELF's {@code _SEGGER_RTT} symbol when known, otherwise by scanning RAM for the ID. */
public final class RttLocator {
    /** The symbol SEGGER's code and compatible ones give the control block. */
    public static final String SYMBOL = "_SEGGER_RTT";
    private static final int CHUNK = 4096;

    private RttLocator() {
    }

    /**
     * The control block's address: {@code symbol} when the ID is there, otherwise the first 4-aligned
     * ID in the RAM regions of {@code regions}; empty when there is none (yet: the target sets it up
     * when it first logs).
     */
    public static OptionalLong find(MemoryInterface memory, OptionalLong symbol, List<MemoryRegion> regions) {
        if (symbol.isPresent()) {
            return RttControlBlock.hasId(memory, symbol.getAsLong()) ? symbol : OptionalLong.empty();
        }
        for (MemoryRegion region : regions) {
            if (region.kind() == MemoryRegion.Kind.RAM) {
                OptionalLong found = scan(memory, region.start(), region.length());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return OptionalLong.empty();
    }

    /** The first 4-aligned ID in {@code [start, start + length)}, read a chunk at a time. */
    public static OptionalLong scan(MemoryInterface memory, long start, long length) {
        byte[] id = RttControlBlock.ID;
        long end = start + length;
        long first = (start + 3) & ~3L;
        for (long chunk = first; chunk + id.length <= end; chunk += CHUNK) {
            int size = (int) Math.min(CHUNK + id.length - 4, end - chunk);
            byte[] data = memory.read(chunk, size);
            for (int at = 0; at + id.length <= size && at < CHUNK; at += 4) {
                if (matches(data, at, id)) {
                    return OptionalLong.of(chunk + at);
                }
            }
        }
        return OptionalLong.empty();
    }

    /** Reads the block at what {@link #find} finds, if anything. */
    public static Optional<RttClient> attach(MemoryInterface memory, OptionalLong symbol, List<MemoryRegion> regions) {
        OptionalLong address = find(memory, symbol, regions);
        return address.isPresent()
                ? Optional.of(new RttClient(memory, RttControlBlock.read(memory, address.getAsLong())))
                : Optional.empty();
    }

    private static boolean matches(byte[] data, int at, byte[] id) {
        return Arrays.equals(data, at, at + id.length, id, 0, id.length);
    }
}
