package io.probehost.driver.picoprobe.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeException;
import io.probehost.api.ProtocolException;
import io.probehost.api.probe.ProbeDescription;

/** The driver's packets, byte for byte, against the protocol note, on a recording USB device. */
class PicoprobeProtocolTest {
    private static final ProbeDescription DESCRIPTION = new ProbeDescription(FoundProbe.DRIVER_NAME,
            "E66038B713849D31", "Raspberry Pi", "Picoprobe", "", "", "", "test:1-4");
    /** The note's worked example: read DPIDR in one packet, ids 0 to 3. */
    private static final String DPIDR_PACKET = "1E 00 00 00 00 01 08 00 00 00 A5 01 02 04 00 00 00 "
            + "02 02 22 00 00 00 03 01 03 00 00 00 00";
    private static final String DPIDR_RESPONSE = "16 00 00 00 01 02 04 00 00 00 03 02 02 22 00 00 00 77 14 B1 0B 03";

    private static final String DPIDR_DRIVE = "FF 00 00 00 00 C0 01";
    private static final String DPIDR_OUT = "A5 00 00 00 00 00 00";

    private final RecordingPicoprobe device = new RecordingPicoprobe();

    private PicoprobeProbe probe(boolean safe) {
        return new PicoprobeProbe(DESCRIPTION, new PicoprobeChannel(new UsbPicoprobeTransport(device), "Picoprobe"),
                safe);
    }

    private static byte[] bits(String hex) {
        return RecordingPicoprobe.bytes(hex);
    }

    @Test
    void theWorkedExampleEncodesAndDecodesAsTheNoteShowsIt() {
        PicoprobePacket packet = new PicoprobePacket().writeBits(8, new byte[] {(byte) 0xA5}).readBits(4).readBits(34)
                .writeBits(3, new byte[] {0});
        assertEquals(DPIDR_PACKET, RecordingPicoprobe.hex(packet.encode(0)));
        assertEquals(22, packet.responseBytes());

        device.answer(DPIDR_RESPONSE);
        List<byte[]> reads = new PicoprobeChannel(new UsbPicoprobeTransport(device), "Picoprobe").execute(packet);
        assertEquals(List.of(2), device.claimed, "the vendor interface, found as pyOCD finds it");
        assertEquals(List.of(DPIDR_PACKET), device.packets);
        assertEquals(1, (reads.get(0)[0] >> 1) & 7, "ACK OK");
        assertEquals("77 14 B1 0B 03", RecordingPicoprobe.hex(reads.get(1)));
    }

    @Test
    void aSequenceBecomesOneCommandPerRunAndComesBackInCycleOrder() {
        PicoprobeProbe probe = probe(false);
        // cycles 0-7 host 0xA5, 8-45 released (turnaround, ACK, data, parity, turnaround), 46-48 host low
        device.answer("0F 00 00 00 01 02 26 00 00 00 73 47 11 BB 30");
        byte[] captured = probe.sequence(49, bits(DPIDR_DRIVE), bits(DPIDR_OUT));
        assertEquals(List.of("18 00 00 00 00 01 08 00 00 00 A5 01 02 26 00 00 00 02 01 03 00 00 00 00"),
                device.packets);
        // the driven cycles give back the host's bits; DPIDR from cycle 12, after turnaround 1 and ACK 1 0 0
        assertEquals("A5 73 47 11 BB 30 00", RecordingPicoprobe.hex(captured));
    }

    @Test
    void safeSwdEndsThePacketAfterEachRead() {
        PicoprobeProbe probe = probe(true);
        device.answer("0F 00 00 00 01 02 26 00 00 00 73 47 11 BB 30");
        device.answer("0F 00 00 00 03 02 26 00 00 00 73 47 11 BB 30");
        // two DPIDR reads back to back: the idle cycles of the first join the request of the second
        probe.sequence(98, bits("FF 00 00 00 00 C0 FF 01 00 00 00 80 03"), bits("A5 00 00 00 00 00 4A 01 00 00 00 00 00"));
        assertEquals(List.of("11 00 00 00 00 01 08 00 00 00 A5 01 02 26 00 00 00",
                "12 00 00 00 02 01 0B 00 00 00 28 05 03 02 26 00 00 00",
                "0B 00 00 00 04 01 03 00 00 00 00"), device.packets);
        assertEquals(2, device.reads);
    }

    @Test
    void idsRunOnAcrossPacketsAndWrap() {
        PicoprobeProbe probe = probe(false);
        for (int i = 0; i < 256; i++) {
            probe.setResetAsserted(i % 2 == 0);
        }
        assertEquals("0A 00 00 00 00 05 01 00 00 00", device.packets.get(0));
        assertEquals("0A 00 00 00 01 05 00 00 00 00", device.packets.get(1));
        assertEquals("0A 00 00 00 FF 05 00 00 00 00", device.packets.get(255));
        probe.swjSequence(16, bits("9E E7"));
        assertEquals("0C 00 00 00 00 01 10 00 00 00 9E E7", device.packets.get(256), "id 0 again");
    }

    @Test
    void setClockSendsWholeKilohertz() {
        PicoprobeProbe probe = probe(false);
        assertEquals(1_000_000L, probe.setClockHz(1_000_500));
        assertEquals(1_000L, probe.setClockHz(10));
        assertEquals(List.of("0A 00 00 00 00 03 E8 03 00 00", "0A 00 00 00 01 03 01 00 00 00"), device.packets);
    }

    @Test
    void aPacketWithoutReadsWaitsForNoResponse() {
        PicoprobeProbe probe = probe(false);
        probe.swjSequence(64, bits("FF FF FF FF FF FF FF 00"));
        assertEquals(List.of("12 00 00 00 00 01 40 00 00 00 FF FF FF FF FF FF FF 00"), device.packets);
        assertEquals(0, device.reads);
    }

    @Test
    void longSequencesAreSplitToFitTheEightKilobyteBuffers() {
        int bits = 40_000;
        byte[] drive = new byte[bits / 8];
        byte[] out = new byte[bits / 8];
        // runs of 4 released and 4 driven cycles: 10,000 commands, half of them reads
        java.util.Arrays.fill(drive, (byte) 0xF0);
        java.util.Arrays.fill(out, (byte) 0x50);
        device.answerEveryRead((byte) 0x05);
        byte[] captured = probe(false).sequence(bits, drive, out);
        assertTrue(device.packets.size() > 1, "split into " + device.packets.size() + " packets");
        assertTrue(device.packets.stream().allMatch(p -> (p.length() + 1) / 3 <= PicoprobePacket.BUFFER_SIZE));
        assertEquals(bits / 8, device.readsPerPacket.stream().mapToInt(Integer::intValue).sum());
        byte[] expected = new byte[bits / 8];
        java.util.Arrays.fill(expected, (byte) 0x55);
        assertArrayEquals(expected, captured, "released cycles read 1010, driven ones give back 0101");
    }

    @Test
    void aWrongEchoOrLengthIsAProtocolError() {
        PicoprobeProbe probe = probe(false);
        device.answer("0F 00 00 00 07 02 26 00 00 00 73 47 11 BB 30");
        ProtocolException echo = assertThrows(ProtocolException.class,
                () -> probe.sequence(49, bits(DPIDR_DRIVE), bits(DPIDR_OUT)));
        assertTrue(echo.getMessage().contains("echoed id 7, command 2, 38 bits for READ_BITS id 1"), echo.getMessage());
        device.answer("0E 00 00 00 04 02 26 00 00 00 73 47 11 BB");
        ProtocolException length = assertThrows(ProtocolException.class,
                () -> probe.sequence(49, bits(DPIDR_DRIVE), bits(DPIDR_OUT)));
        assertTrue(length.getMessage().contains("14 bytes with a length field of 14; expected 15"), length.getMessage());
    }

    @Test
    void pinsOtherThanResetAreRefused() {
        ProbeException refused = assertThrows(ProbeException.class, () -> probe(false).swjPins(0, 1, 0));
        assertTrue(refused.getMessage().contains("nRESET"), refused.getMessage());
    }

    @Test
    void closingReleasesTheUsbHandleOnce() {
        PicoprobeProbe probe = probe(false);
        probe.close();
        probe.close();
        assertEquals(1, device.closes);
    }
}
