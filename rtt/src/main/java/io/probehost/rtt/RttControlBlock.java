package io.probehost.rtt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.probehost.api.debug.MemoryInterface;

/**
 * The control block at {@code address}, with the channels its descriptors listed when it was read.
 * The layout is the 32-bit one: a 16-byte ID, the up and down counts, then 24-byte descriptors.
 */
public record RttControlBlock(long address, List<RttChannel> up, List<RttChannel> down) {
    /** "SEGGER RTT" and six NUL bytes. */
    public static final byte[] ID = Arrays.copyOf("SEGGER RTT".getBytes(StandardCharsets.US_ASCII), 16);
    public static final int HEADER_SIZE = 24;
    public static final int DESCRIPTOR_SIZE = 24;
    static final int MAX_CHANNELS = 255;
    private static final int MAX_NAME = 64;

    public RttControlBlock {
        up = List.copyOf(up);
        down = List.copyOf(down);
    }

    /** Reads the block at {@code address}; fails when the ID is not there or the counts make no sense. */
    public static RttControlBlock read(MemoryInterface memory, long address) {
        if (!hasId(memory, address)) {
            throw new RttException(String.format("no RTT control block at 0x%08X (the ID \"SEGGER RTT\" is not there)",
                    address));
        }
        int upCount = memory.read32(address + 16);
        int downCount = memory.read32(address + 20);
        if (upCount < 0 || upCount > MAX_CHANNELS || downCount < 0 || downCount > MAX_CHANNELS) {
            throw new RttException(String.format("the RTT control block at 0x%08X claims %d up and %d down channels",
                    address, upCount, downCount));
        }
        List<RttChannel> up = new ArrayList<>();
        List<RttChannel> down = new ArrayList<>();
        long descriptor = address + HEADER_SIZE;
        for (int i = 0; i < upCount; i++, descriptor += DESCRIPTOR_SIZE) {
            up.add(channel(memory, RttDirection.UP, i, descriptor));
        }
        for (int i = 0; i < downCount; i++, descriptor += DESCRIPTOR_SIZE) {
            down.add(channel(memory, RttDirection.DOWN, i, descriptor));
        }
        return new RttControlBlock(address, up, down);
    }

    /** Whether the 16-byte ID is at {@code address} (the target writes it last, so it means a whole block). */
    public static boolean hasId(MemoryInterface memory, long address) {
        return Arrays.equals(memory.read(address, ID.length), ID);
    }

    /** The channel of that direction and number; fails naming the channels there are. */
    public RttChannel channel(RttDirection direction, int index) {
        List<RttChannel> channels = direction == RttDirection.UP ? up : down;
        if (index < 0 || index >= channels.size()) {
            throw new RttException(String.format("there is no %s channel %d (the control block at 0x%08X has %d)",
                    direction.name().toLowerCase(), index, address, channels.size()));
        }
        return channels.get(index);
    }

    private static RttChannel channel(MemoryInterface memory, RttDirection direction, int index, long descriptor) {
        byte[] raw = memory.read(descriptor, DESCRIPTOR_SIZE);
        long namePointer = word(raw, 0) & 0xFFFF_FFFFL;
        long buffer = word(raw, 4) & 0xFFFF_FFFFL;
        int size = word(raw, 8);
        int flags = word(raw, 20);
        return new RttChannel(direction, index, name(memory, namePointer), descriptor, buffer, size, flags);
    }

    private static String name(MemoryInterface memory, long pointer) {
        if (pointer == 0) {
            return "";
        }
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < MAX_NAME; i++) {
            int c = memory.read8(pointer + i);
            if (c == 0) {
                break;
            }
            name.append((char) c);
        }
        return name.toString();
    }

    static int word(byte[] data, int offset) {
        return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8 | (data[offset + 2] & 0xFF) << 16
                | (data[offset + 3] & 0xFF) << 24;
    }
}
