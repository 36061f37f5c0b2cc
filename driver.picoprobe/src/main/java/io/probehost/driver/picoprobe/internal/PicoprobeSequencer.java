package io.probehost.driver.picoprobe.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a bit sequence (which cycles the host drives, and with what) into WRITE_BITS for each run
 * of driven cycles and READ_BITS for each run of released ones, as few packets as the 8 KB buffers
 * allow, and puts the sampled bits back in cycle order; a driven cycle reads back as the host's bit.
 *
 * <p>With {@code picoprobe.safeswd} each READ_BITS ends its packet, so every SWD response (an ACK
 * with its data phase) costs its own USB round trip, as pyOCD's safe mode has it.
 */
final class PicoprobeSequencer {
    /** Longest run in one command: 128 data bytes. */
    static final int MAX_RUN_BITS = 1024;

    private final PicoprobeChannel channel;
    private final boolean safe;

    PicoprobeSequencer(PicoprobeChannel channel, boolean safe) {
        this.channel = channel;
        this.safe = safe;
    }

    byte[] sequence(int bitCount, byte[] drive, byte[] out) {
        byte[] captured = new byte[PicoprobePacket.byteCount(bitCount)];
        Batch batch = new Batch();
        int start = 0;
        while (start < bitCount) {
            boolean driven = bit(drive, start);
            int end = start + 1;
            while (end < bitCount && end - start < MAX_RUN_BITS && bit(drive, end) == driven) {
                end++;
            }
            int length = end - start;
            PicoprobePacket.Command command = driven
                    ? new PicoprobePacket.Command(PicoprobeCommand.WRITE_BITS, length, slice(out, start, length))
                    : new PicoprobePacket.Command(PicoprobeCommand.READ_BITS, length, new byte[0]);
            if (!batch.packet.fits(command)) {
                batch = batch.send(captured);
            }
            if (driven) {
                batch.packet.writeBits(length, command.data());
                copy(out, start, captured, start, length);
            } else {
                batch.packet.readBits(length);
                batch.readStarts.add(start);
                if (safe) {
                    batch = batch.send(captured);
                }
            }
            start = end;
        }
        batch.send(captured);
        return captured;
    }

    /** A packet being filled, and where each of its reads goes in the capture. */
    private final class Batch {
        final PicoprobePacket packet = new PicoprobePacket();
        final List<Integer> readStarts = new ArrayList<>();

        /** Sends the packet if it has anything, copies what it read; returns a fresh batch. */
        Batch send(byte[] captured) {
            if (!packet.isEmpty()) {
                List<byte[]> reads = channel.execute(packet);
                List<PicoprobePacket.Command> readCommands = packet.commands().stream()
                        .filter(c -> c.command() == PicoprobeCommand.READ_BITS).toList();
                for (int i = 0; i < reads.size(); i++) {
                    copy(reads.get(i), 0, captured, readStarts.get(i), readCommands.get(i).bits());
                }
            }
            return new Batch();
        }
    }

    static boolean bit(byte[] bytes, int index) {
        return (bytes[index >>> 3] >>> (index & 7) & 1) != 0;
    }

    /** {@code length} bits of {@code bits} from {@code start}, repacked from bit 0. */
    static byte[] slice(byte[] bits, int start, int length) {
        byte[] slice = new byte[PicoprobePacket.byteCount(length)];
        copy(bits, start, slice, 0, length);
        return slice;
    }

    private static void copy(byte[] from, int fromBit, byte[] to, int toBit, int length) {
        for (int i = 0; i < length; i++) {
            int target = toBit + i;
            if (bit(from, fromBit + i)) {
                to[target >>> 3] |= (byte) (1 << (target & 7));
            } else {
                to[target >>> 3] &= (byte) ~(1 << (target & 7));
            }
        }
    }
}
