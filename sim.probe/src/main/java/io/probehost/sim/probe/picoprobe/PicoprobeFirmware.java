package io.probehost.sim.probe.picoprobe;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import io.probehost.sim.adi.SwjPins;

/**
 * What the legacy firmware does with one complete packet (note §2 to §4): runs its commands in
 * order on the target's pins and answers with the bits every READ_BITS sampled, each behind the
 * echo of its header, or answers nothing when the packet had no read. WRITE_BITS drives SWDIO one
 * bit per SWCLK cycle, LSB of its first data byte first; READ_BITS releases SWDIO and samples it.
 * SET_FREQ sets the PIO divider from clk_sys (125 MHz), TARGET_RESET drives or releases nRESET,
 * PROBE_RESET, PROBE_INVALID and unknown codes do nothing.
 */
final class PicoprobeFirmware {
    /** RP2040 clk_sys at boot, in kHz. */
    static final int CLK_SYS_KHZ = 125_000;
    static final int DEFAULT_KHZ = 1_000;

    private final SwjPins pins;
    private final PicoprobeLink link;
    private int divider = divider(DEFAULT_KHZ);

    PicoprobeFirmware(SwjPins pins, PicoprobeLink link) {
        this.pins = pins;
        this.link = link;
    }

    /** The SWCLK frequency the PIO divider gives, in Hz. */
    long swclkHz() {
        return CLK_SYS_KHZ * 1000L / (2L * divider);
    }

    private static int divider(long khz) {
        return (int) Math.max(1, CLK_SYS_KHZ / Math.max(1, khz) / 2);
    }

    /**
     * Runs a packet whose length field matched its size.
     *
     * @return the response packet, or null when the packet had no READ_BITS
     * @throws IllegalArgumentException when a command runs past the end of the packet
     */
    byte[] execute(byte[] packet) {
        ByteBuffer in = ByteBuffer.wrap(packet).order(ByteOrder.LITTLE_ENDIAN);
        in.position(4);
        ByteArrayOutputStream reads = new ByteArrayOutputStream();
        boolean anyRead = false;
        while (in.hasRemaining()) {
            if (in.remaining() < PicoprobeCommand.HEADER_LENGTH) {
                throw new IllegalArgumentException("packet ends inside a command header");
            }
            int id = in.get() & 0xFF;
            int code = in.get() & 0xFF;
            int bits = in.getInt();
            PicoprobeCommand command = PicoprobeCommand.fromCode(code);
            if (command == PicoprobeCommand.WRITE_BITS) {
                writeBits(in, bits);
            } else if (command == PicoprobeCommand.READ_BITS) {
                anyRead = true;
                if (4 + reads.size() + PicoprobeCommand.HEADER_LENGTH + byteCount(bits) > Picoprobe.BUFFER_SIZE) {
                    throw new IllegalArgumentException("the response would overflow the "
                            + Picoprobe.BUFFER_SIZE + "-byte TX buffer");
                }
                reads.writeBytes(echo(id, bits));
                reads.writeBytes(readBits(bits));
            } else if (command == PicoprobeCommand.SET_FREQ) {
                divider = divider(Integer.toUnsignedLong(bits));
            } else if (command == PicoprobeCommand.TARGET_RESET) {
                pins.setResetAsserted(bits == 1);
            }
        }
        if (!anyRead) {
            return null;
        }
        byte[] response = new byte[4 + reads.size()];
        ByteBuffer.wrap(response).order(ByteOrder.LITTLE_ENDIAN).putInt(response.length).put(reads.toByteArray());
        return response;
    }

    private void writeBits(ByteBuffer in, int bits) {
        int length = byteCount(bits);
        if (in.remaining() < length) {
            throw new IllegalArgumentException(String.format("WRITE_BITS of %d bits needs %d data bytes, %d left",
                    bits, length, in.remaining()));
        }
        byte[] data = new byte[length];
        in.get(data);
        for (int i = 0; i < bits; i++) {
            pins.swdClock(true, (data[i >>> 3] >>> (i & 7) & 1) != 0);
        }
        link.swdCycles(bits, swclkHz());
    }

    private byte[] readBits(int bits) {
        byte[] data = new byte[byteCount(bits)];
        for (int i = 0; i < bits; i++) {
            if (pins.swdClock(false, false)) {
                data[i >>> 3] |= (byte) (1 << (i & 7));
            }
        }
        link.swdCycles(bits, swclkHz());
        return data;
    }

    private static byte[] echo(int id, int bits) {
        return ByteBuffer.allocate(PicoprobeCommand.HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) id).put((byte) PicoprobeCommand.READ_BITS.code()).putInt(bits).array();
    }

    static int byteCount(int bits) {
        return (int) ((Integer.toUnsignedLong(bits) + 7) / 8);
    }
}
