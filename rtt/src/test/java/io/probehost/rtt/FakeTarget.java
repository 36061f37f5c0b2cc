package io.probehost.rtt;

import java.nio.charset.StandardCharsets;

/**
 * The target side of RTT, written from the reference note: a control block with one up and one
 * down channel in a {@link FakeMemory}, and the firmware's writer and reader of those rings.
 */
final class FakeTarget {
    static final long RAM = 0x2000_0000L;
    final FakeMemory memory = new FakeMemory(RAM, 0x4000);
    final long block;
    final long upBuffer;
    final long downBuffer;
    final int upSize;
    final int downSize;

    FakeTarget(long block, int upSize, int downSize, int upFlags, int downFlags) {
        this.block = block;
        this.upSize = upSize;
        this.downSize = downSize;
        long names = block + 0x100;
        upBuffer = block + 0x200;
        downBuffer = upBuffer + upSize;
        memory.write(names, "Terminal\0".getBytes(StandardCharsets.US_ASCII));
        memory.write32(block + 16, 1);
        memory.write32(block + 20, 1);
        descriptor(block + 24, names, upBuffer, upSize, upFlags);
        descriptor(block + 48, names, downBuffer, downSize, downFlags);
        memory.write(block, RttControlBlock.ID);
    }

    private void descriptor(long at, long name, long buffer, int size, int flags) {
        memory.write32(at, (int) name);
        memory.write32(at + 4, (int) buffer);
        memory.write32(at + 8, size);
        memory.write32(at + 20, flags);
    }

    /** The firmware writes into up channel 0 as its mode says (blocking is not modelled: it trims). */
    int log(String text) {
        byte[] data = text.getBytes(StandardCharsets.US_ASCII);
        return logBlocking(data, 0, data.length);
    }

    /**
     * One turn of the firmware's write of {@code data[from, from + length)} into up channel 0: what
     * fits now (all or nothing in skip mode); a blocking writer comes back with the rest.
     */
    int logBlocking(byte[] data, int from, int length) {
        long d = block + 24;
        int write = memory.read32(d + 12);
        int read = memory.read32(d + 16);
        int count = RttRing.accepted(RttMode.ofFlags(memory.read32(d + 20)), length,
                RttRing.free(write, read, upSize));
        for (int i = 0; i < count; i++) {
            memory.write8(upBuffer + write, data[from + i]);
            write = RttRing.advance(write, 1, upSize);
        }
        memory.write32(d + 12, write);
        return count;
    }

    /** The firmware takes what down channel 0 holds. */
    String take() {
        long d = block + 48;
        int write = memory.read32(d + 12);
        int read = memory.read32(d + 16);
        StringBuilder out = new StringBuilder();
        while (read != write) {
            out.append((char) memory.read8(downBuffer + read));
            read = RttRing.advance(read, 1, downSize);
        }
        memory.write32(d + 16, read);
        return out.toString();
    }
}
