package io.probehost.driver.picoprobe.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One host-to-probe packet under construction: a u32 LE total length, then commands of a 6-byte
 * header (id, code, u32 LE bits) with WRITE_BITS followed by its data. Knows the size of the
 * response its READ_BITS commands will produce, so that both stay within the probe's 8 KB buffers.
 */
final class PicoprobePacket {
    /** PROBE_BUF_SIZE: the firmware's RX and TX buffers. */
    static final int BUFFER_SIZE = 8192;
    static final int LENGTH_BYTES = 4;

    /** A command as queued; {@code data} is empty except for WRITE_BITS. */
    record Command(PicoprobeCommand command, int bits, byte[] data) {
        int requestBytes() {
            return PicoprobeCommand.HEADER_BYTES + data.length;
        }

        int responseBytes() {
            return command == PicoprobeCommand.READ_BITS ? PicoprobeCommand.HEADER_BYTES + byteCount(bits) : 0;
        }
    }

    private final List<Command> commands = new ArrayList<>();
    private int requestBytes = LENGTH_BYTES;
    private int responseBytes = LENGTH_BYTES;

    static int byteCount(int bits) {
        return (bits + 7) / 8;
    }

    /** WRITE_BITS: {@code bits} bits of {@code data}, LSB of byte 0 first. */
    PicoprobePacket writeBits(int bits, byte[] data) {
        return add(new Command(PicoprobeCommand.WRITE_BITS, bits, data.clone()));
    }

    PicoprobePacket readBits(int bits) {
        return add(new Command(PicoprobeCommand.READ_BITS, bits, new byte[0]));
    }

    PicoprobePacket setFrequencyKhz(int kilohertz) {
        return add(new Command(PicoprobeCommand.SET_FREQ, kilohertz, new byte[0]));
    }

    PicoprobePacket targetReset(boolean asserted) {
        return add(new Command(PicoprobeCommand.TARGET_RESET, asserted ? 1 : 0, new byte[0]));
    }

    private PicoprobePacket add(Command command) {
        commands.add(command);
        requestBytes += command.requestBytes();
        responseBytes += command.responseBytes();
        return this;
    }

    /** Whether {@code command} still fits both buffers. */
    boolean fits(Command command) {
        return requestBytes + command.requestBytes() <= BUFFER_SIZE
                && responseBytes + command.responseBytes() <= BUFFER_SIZE;
    }

    boolean isEmpty() {
        return commands.isEmpty();
    }

    List<Command> commands() {
        return List.copyOf(commands);
    }

    /** Response bytes, length field included; {@link #LENGTH_BYTES} when nothing is read. */
    int responseBytes() {
        return responseBytes;
    }

    boolean hasReads() {
        return responseBytes > LENGTH_BYTES;
    }

    /** The wire bytes, the commands tagged {@code firstId}, {@code firstId + 1}... (mod 256). */
    byte[] encode(int firstId) {
        ByteBuffer out = ByteBuffer.allocate(requestBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(requestBytes);
        int id = firstId;
        for (Command command : commands) {
            out.put((byte) id++).put((byte) command.command().code()).putInt(command.bits()).put(command.data());
        }
        return out.array();
    }
}
