package io.probehost.sim.probe.picoprobe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.probehost.api.TransferTimeoutException;
import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbException;
import io.probehost.api.usb.UsbInterfaceInfo;
import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.mcu.nrf51.Nrf51822;
import io.probehost.sim.probe.cmsisdap.LinkStats;
import io.probehost.sim.probe.usb.VirtualUsbBus;

/**
 * The Picoprobe emulator packet by packet against the note: the USB identity, the worked DPIDR
 * example, register writes as pyOCD frames them, packets split over 64-byte transfers, the clock,
 * nRESET and the link counters. The target is a virtual nRF51822 (an SW-DP-only part).
 */
class PicoprobeTest {
    private static final String LINE_RESET = "12 00 00 00 00 01 40 00 00 00 FF FF FF FF FF FF FF 00";
    private static final String READ_DPIDR = "1E 00 00 00 00 01 08 00 00 00 A5 01 02 04 00 00 00 "
            + "02 02 22 00 00 00 03 01 03 00 00 00 00";

    private final Nrf51822 mcu = Nrf51822.create(null);
    private final SwjDp dp = new SwjDp(mcu, WireMode.SWD, 0);
    private final VirtualUsbBus bus = new VirtualUsbBus();
    private final Picoprobe probe = Picoprobe.inFrontOf(dp, mcu.clock(), "E66038B713849D31");
    private final UsbDeviceInfo info = bus.attach(probe);
    private final UsbDevice device = bus.open(info);

    {
        device.claimInterface(Picoprobe.PROBE_INTERFACE);
    }

    @AfterEach
    void close() {
        device.close();
        bus.close();
        mcu.close();
    }

    private void send(String hex) {
        byte[] packet = HexFormat.of().parseHex(hex.replace(" ", ""));
        device.bulkTransfer(Picoprobe.OUT_ENDPOINT, packet, 0, packet.length, 1000);
    }

    private String receive() {
        byte[] buffer = new byte[Picoprobe.BUFFER_SIZE];
        int n = device.bulkTransfer(Picoprobe.IN_ENDPOINT, buffer, 0, buffer.length, 200);
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(buffer, 0, n);
    }

    @Test
    void enumeratesAsTheLegacyPicoprobeWithItsVendorInterfaceThird() {
        assertEquals(0x2E8A, info.vendorId());
        assertEquals(0x0004, info.productId());
        assertEquals(0, info.deviceClass());
        assertEquals("Raspberry Pi", info.manufacturer());
        assertEquals("Picoprobe", info.product());
        assertEquals("E66038B713849D31", info.serialNumber());
        UsbInterfaceInfo probeInterface = info.interfaces().get(2);
        assertEquals(UsbInterfaceInfo.CLASS_VENDOR_SPECIFIC, probeInterface.interfaceClass());
        assertEquals(0x04, probeInterface.endpoints().get(0).address());
        assertEquals(0x85, probeInterface.endpoints().get(1).address());
        assertEquals(64, probeInterface.endpoints().get(1).maxPacketSize());
        assertEquals(16, Picoprobe.serialFor("lab").length());
        assertTrue(Picoprobe.serialFor("lab").matches("[0-9A-F]{16}"));
    }

    @Test
    void theWorkedExampleReadsDpidrInOnePacketWithEchoedReadHeaders() {
        send(LINE_RESET);
        send(READ_DPIDR);
        // ACK byte: the undriven turnaround (1) then ACK 1,0,0; data: DPIDR, parity 1, turnaround 1
        assertEquals("16 00 00 00 01 02 04 00 00 00 03 02 02 22 00 00 00 77 14 B1 0B 03", receive());
    }

    @Test
    void aPacketWithoutReadsAnswersNothing() {
        send(LINE_RESET);
        assertThrows(TransferTimeoutException.class, this::receive);
    }

    @Test
    void registerWritesFramedAsPyocdDoesPowerTheDebugDomainUp() {
        send(LINE_RESET);
        send(READ_DPIDR);
        receive();
        // DP CTRL/STAT write 0x50000000: WRITE 8 0xA9, READ 5 (trn ACK trn), WRITE 36 data+parity+idle
        send("1C 00 00 00 04 01 08 00 00 00 A9 05 02 05 00 00 00 06 01 24 00 00 00 00 00 00 50 00");
        assertEquals("0B 00 00 00 05 02 05 00 00 00 13", receive());
        assertTrue(mcu.isDebugPowered());
    }

    @Test
    void aPacketSplitOverSeveralTransfersRunsOnlyWhenComplete() {
        send(LINE_RESET);
        String dpidr = READ_DPIDR.replace(" ", "");
        send(dpidr.substring(0, 20));
        assertThrows(TransferTimeoutException.class, this::receive);
        send(dpidr.substring(20));
        assertTrue(receive().contains("77 14 B1 0B"));
    }

    @Test
    void aPacketLongerThanItsLengthFieldIsDropped() {
        send("07 00 00 00 00 04 00 00 00 00 00");
        assertTrue(probe.lastFirmwareError().isPresent());
        send(LINE_RESET);
        send(READ_DPIDR);
        assertTrue(receive().contains("77 14 B1 0B"));
    }

    @Test
    void setFreqProgramsThePioDividerFromTheSystemClock() {
        assertEquals(125_000_000L / 124, probe.swclkHz());
        send("0A 00 00 00 00 03 A0 0F 00 00");
        assertEquals(125_000_000L / 30, probe.swclkHz());
    }

    @Test
    void targetResetDrivesAndReleasesNreset() {
        send("0A 00 00 00 00 05 01 00 00 00");
        assertFalse(dp.resetPinHigh());
        send("0A 00 00 00 00 05 00 00 00 00");
        assertTrue(dp.resetPinHigh());
    }

    @Test
    void theLinkCountsPacketsBytesAndSwclkCycles() {
        probe.link().reset();
        long before = mcu.clock().nowNanos();
        send(LINE_RESET);
        send(READ_DPIDR);
        receive();
        LinkStats stats = probe.link().snapshot();
        assertEquals(2, stats.roundTrips());
        assertEquals(18 + 30, stats.bytesOut());
        assertEquals(22, stats.bytesIn());
        assertEquals(64 + 8 + 4 + 34 + 3, stats.swdBits());
        // At least the link's time: the core, running on its own thread, may hand the clock cycles of its own.
        assertTrue(mcu.clock().nowNanos() - before >= stats.modelledNanos(), "the target's clock follows the link");
        assertTrue(stats.modelledNanos() >= 2 * PicoprobeLink.FULL_SPEED_ROUND_TRIP_NANOS);
    }

    @Test
    void theUartEndpointsStall() {
        byte[] buffer = new byte[64];
        device.claimInterface(1);
        assertThrows(UsbException.class, () -> device.bulkTransfer(0x83, buffer, 0, 64, 100));
    }
}
