package io.probehost.gdbserver.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.target.MemoryRegion;

/**
 * Flash contents GDB has read, in blocks of {@value #BLOCK} bytes: GDB reads the code around the
 * PC in many small pieces after every step (prologue analysis, unwinding), and flash does not
 * change under the debugger unless it is programmed. Forgotten after a load and after every
 * monitor command (which may program flash); a program that writes its own flash is not seen.
 */
final class FlashReadCache {
    static final int BLOCK = 1024;

    private final List<MemoryRegion> flash;
    private final Map<Long, byte[]> blocks = new HashMap<>();

    FlashReadCache(List<MemoryRegion> memoryMap) {
        this.flash = memoryMap.stream().filter(MemoryRegion::isFlash).toList();
    }

    /** The bytes of {@code [address, address + length)}, from the cache when they all lie in one flash region. */
    byte[] read(MemoryInterface memory, long address, int length) {
        MemoryRegion region = flash.stream().filter(r -> r.contains(address)).findFirst().orElse(null);
        if (region == null || address + length > region.end()) {
            return memory.read(address, length);
        }
        byte[] data = new byte[length];
        long at = address;
        while (at < address + length) {
            long blockStart = Math.max(region.start(), at - Math.floorMod(at, BLOCK));
            long blockEnd = Math.min(region.end(), blockStart - Math.floorMod(blockStart, BLOCK) + BLOCK);
            byte[] block = blocks.computeIfAbsent(blockStart,
                    start -> memory.read(start, (int) (blockEnd - start)));
            int count = (int) (Math.min(address + length, blockEnd) - at);
            System.arraycopy(block, (int) (at - blockStart), data, (int) (at - address), count);
            at += count;
        }
        return data;
    }

    void forget() {
        blocks.clear();
    }
}
