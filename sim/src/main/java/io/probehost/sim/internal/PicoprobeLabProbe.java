package io.probehost.sim.internal;

import java.util.List;
import java.util.Map;

import io.probehost.sim.probe.picoprobe.Picoprobe;
import io.probehost.sim.probe.picoprobe.PicoprobeLink;

/**
 * A legacy Picoprobe emulator in the lab, a full-speed probe paying the lab's full-speed round trip per
 * packet.
 *
 * <p>Its bench floor follows from the protocol's limits (picoprobe.md, sections 2 and 3): a packet, one
 * USB round trip, holds at most {@value Picoprobe#BUFFER_SIZE} bytes with its 4-byte length, and so does
 * its response; a command is a 6-byte header, plus {@code ceil(bits / 8)} data bytes for WRITE_BITS,
 * and each READ_BITS comes back as a 6-byte echo and its data. SWDIO changes direction only between
 * commands, so each SWD transfer needs at least one READ_BITS (the target's ACK) and, beside it, host
 * bits written by WRITE_BITS, which may merge one transfer's tail with the next one's request:
 * <ul>
 * <li>a write is READ_BITS 5 (turnaround, ACK, turnaround: 6 bytes) and WRITE_BITS 41 (data, parity and
 * the next request: 12 bytes), {@value #WRITE_BYTES_PER_WORD} bytes a word, 454 words a packet, 37
 * packets for 64 KiB;</li>
 * <li>a read is WRITE_BITS 8 (the request: 7 bytes) and READ_BITS 38 (turnaround, ACK, data, parity,
 * turnaround: 6 bytes out, 11 back), {@value #READ_BYTES_PER_WORD} bytes a word, 629 words a packet, 27
 * packets for 64 KiB.</li>
 * </ul>
 * It ignores the TAR and CSW writes and the posted read's RDBUFF: a driver comes close to it, never
 * below it.
 */
final class PicoprobeLabProbe extends LabProbe {
    static final int PACKET_HEADER_BYTES = 4;
    /** READ_BITS 5 (header) and WRITE_BITS 41 (header and 6 data bytes). */
    static final int WRITE_BYTES_PER_WORD = 6 + 6 + 6;
    /** WRITE_BITS 8 (header and 1 data byte) and READ_BITS 38 (header). */
    static final int READ_BYTES_PER_WORD = 6 + 1 + 6;
    /** READ_BITS 38 answered: echo header and 5 data bytes. */
    static final int READ_RESPONSE_BYTES_PER_WORD = 6 + 5;
    /** The RP2040's PIO runs SWCLK at half its 125 MHz system clock at most. */
    static final long MAX_SWD_HZ = 62_500_000L;

    /** A probe with USB serial {@code serial} in front of {@code target}, with the lab's full-speed round trip. */
    PicoprobeLabProbe(String serial, Lab.Target target, LabConfig.Link link) {
        this(new Picoprobe(serial, target.chip().pins(), new PicoprobeLink(link.hidRoundTripMicros() * 1000,
                PicoprobeLink.FULL_SPEED_NANOS_PER_BYTE, target.chip().clock())));
    }

    private PicoprobeLabProbe(Picoprobe device) {
        super(device, device::isPlugged, device.link()::snapshot, device.link()::reset, device::close);
    }

    @Override
    long maxSwdClockHz() {
        return MAX_SWD_HZ;
    }

    @Override
    List<BenchTransport> benchTransports() {
        return List.of(new BenchTransport("USB bulk", Picoprobe.PACKET_SIZE, Map.of(), minimumWritePackets(),
                minimumReadPackets()));
    }

    static long minimumWritePackets() {
        return packetsFor(WRITE_BYTES_PER_WORD);
    }

    /** The request side limits reads: 13 bytes out against 11 back a word. */
    static long minimumReadPackets() {
        return Math.max(packetsFor(READ_BYTES_PER_WORD), packetsFor(READ_RESPONSE_BYTES_PER_WORD));
    }

    private static long packetsFor(int bytesPerWord) {
        return ProbeBench.tripsForWords((Picoprobe.BUFFER_SIZE - PACKET_HEADER_BYTES) / bytesPerWord);
    }
}
