package io.probehost.sim.probe.cmsisdap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeDisconnectedException;
import io.probehost.api.TransferTimeoutException;
import io.probehost.api.usb.UsbBus;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbException;
import io.probehost.api.usb.UsbHotplugListener;
import io.probehost.sim.probe.usb.VirtualUsbBus;

/** v1/v2 framing, queueing, packet-count limits and injected faults. */
class TransportAndFaultTest {

    @Test
    void hidResponsesArePaddedToTheFullReportWhenRequestIsShort() {
        try (ProbeHarness h = ProbeHarness.dapLink(new FakeSwdTarget(), DapTransportKind.V1_HID)) {
            byte[] report = h.exchange("00 FE");
            assertEquals(64, report.length);
            byte[] expected = Arrays.copyOf(ProbeHarness.hex("00 01 04"), 64);
            assertArrayEquals(expected, report);

            byte[] unpadded = ProbeHarness.hex("00 FF");
            h.device.interruptTransfer(h.outEndpoint, unpadded, 0, unpadded.length, 1000);
            assertEquals("00 02 40 00", ProbeHarness.hex(Arrays.copyOf(h.receive(1000), 4)));
        }
    }

    @Test
    void hidOutReportLargerThanTheReportSizeIsRejected() {
        try (ProbeHarness h = ProbeHarness.dapLink(new FakeSwdTarget(), DapTransportKind.V1_HID)) {
            byte[] tooLong = new byte[65];
            UsbException e = assertThrows(UsbException.class,
                    () -> h.device.interruptTransfer(h.outEndpoint, tooLong, 0, tooLong.length, 1000));
            assertEquals(-2, e.nativeCode());
        }
    }

    @Test
    void hidSetReportOnEndpointZeroIsTakenAsARequest() {
        try (ProbeHarness h = ProbeHarness.dapLink(new FakeSwdTarget(), DapTransportKind.V1_HID)) {
            byte[] report = Arrays.copyOf(ProbeHarness.hex("00 FE"), 64);
            assertEquals(64, h.device.controlTransfer(0x21, 0x09, 0x0200, 0, report, 0, 64, 1000));
            assertEquals("00 01 04", ProbeHarness.hex(Arrays.copyOf(h.receive(1000), 3)));
        }
    }

    @Test
    void bulkResponsesAreShortTransfers() {
        try (ProbeHarness h = ProbeHarness.dapLink(new FakeSwdTarget(), DapTransportKind.V2_BULK)) {
            assertEquals("00 02 00 02", h.exchangeHex("00 FF"));
            assertEquals("03 00", h.exchangeHex("03"));
        }
    }

    @Test
    void queuedPacketsAnswerWith7FOnlyOnceANonQueuePacketArrives() {
        try (ProbeHarness h = ProbeHarness.v2(new FakeSwdTarget())) {
            h.send(ProbeHarness.hex("7E 01 00 FE"));
            h.send(ProbeHarness.hex("7E 02 00 FF 01 00 01"));
            assertThrows(TransferTimeoutException.class, () -> h.receive(50));

            h.send(ProbeHarness.hex("00 04"));
            assertEquals("7F 01 00 01 08", ProbeHarness.hex(h.receive(1000)));
            assertEquals("7F 02 00 02 00 02 01 00", ProbeHarness.hex(h.receive(1000)));
            assertEquals("00 06 32 2E 31 2E 31 00", ProbeHarness.hex(h.receive(1000)));
        }
    }

    @Test
    void hidReportsBeyondThePacketCountAreDiscardedWhileFirmwareIsBusy() {
        try (ProbeHarness h = ProbeHarness.dapLink(new FakeSwdTarget(), DapTransportKind.V1_HID)) {
            h.probe.faults().stopAnswering();
            for (String info : new String[] {"FE", "FF", "F0", "04", "01", "02"}) {
                h.send(ProbeHarness.hex("00 " + info));
            }
            h.probe.faults().resumeAnswering();

            assertEquals("00 01 04", ProbeHarness.hex(Arrays.copyOf(h.receive(1000), 3)));
            assertEquals("00 02 40 00", ProbeHarness.hex(Arrays.copyOf(h.receive(1000), 4)));
            assertEquals("00 01 31", ProbeHarness.hex(Arrays.copyOf(h.receive(1000), 3)));
            assertEquals("00 06 32", ProbeHarness.hex(Arrays.copyOf(h.receive(1000), 3)));
            assertThrows(TransferTimeoutException.class, () -> h.receive(100));
            assertEquals(4, h.probe.link().snapshot().roundTrips());
            assertEquals(6 * 64, h.probe.link().snapshot().bytesOut());
        }
    }

    @Test
    void bulkOutBeyondThePacketCountIsNakedUntilItTimesOut() {
        try (ProbeHarness h = ProbeHarness.v2(new FakeSwdTarget())) {
            h.probe.faults().stopAnswering();
            for (int i = 0; i < 8; i++) {
                h.send(ProbeHarness.hex("00 FE"));
            }
            byte[] ninth = ProbeHarness.hex("00 FF");
            assertThrows(TransferTimeoutException.class,
                    () -> h.device.bulkTransfer(h.outEndpoint, ninth, 0, ninth.length, 100));
            h.probe.faults().resumeAnswering();
            for (int i = 0; i < 8; i++) {
                assertEquals("00 01 08", ProbeHarness.hex(h.receive(1000)));
            }
            assertEquals("00 02 00 02", h.exchangeHex("00 FF"));
        }
    }

    @Test
    void transferAbortIsNeverAnsweredNorQueued() {
        try (ProbeHarness h = ProbeHarness.v2(new FakeSwdTarget())) {
            h.send(ProbeHarness.hex("07"));
            assertThrows(TransferTimeoutException.class, () -> h.receive(50));
            assertEquals("00 01 08", h.exchangeHex("00 FE"));
            assertEquals(1, h.probe.link().snapshot().roundTrips());
        }
    }

    @Test
    void bothInterfacesOfADapLinkShareOneFirmware() {
        try (ProbeHarness hid = ProbeHarness.dapLink(new FakeSwdTarget(), DapTransportKind.V1_HID)) {
            var bulk = hid.bus.open(hid.info);
            bulk.claimInterface(1);
            assertEquals("02 01", hid.exchangeHex("02 01", 2));
            byte[] clock = ProbeHarness.hex("11 00 09 3D 00");
            bulk.bulkTransfer(0x02, clock, 0, clock.length, 1000);
            byte[] in = new byte[512];
            assertEquals(2, bulk.bulkTransfer(0x82, in, 0, in.length, 1000));
            assertEquals(4_000_000, hid.probe.swjClockHz());
            bulk.close();
        }
    }

    @Test
    void disconnectDuringResponseFailsThePendingReadAndTellsHotplugListeners() throws Exception {
        try (ProbeHarness h = ProbeHarness.v2(new FakeSwdTarget())) {
            CountDownLatch detached = new CountDownLatch(1);
            h.bus.addHotplugListener(new UsbHotplugListener() {
                @Override
                public void deviceAttached(UsbBus bus, UsbDeviceInfo device) {
                }

                @Override
                public void deviceDetached(UsbBus bus, UsbDeviceInfo device) {
                    detached.countDown();
                }
            });
            h.probe.faults().disconnectDuringNextResponse();
            h.send(ProbeHarness.hex("00 FE"));

            assertThrows(ProbeDisconnectedException.class, () -> h.receive(2000));
            assertTrue(detached.await(5, TimeUnit.SECONDS));
            assertTrue(h.bus.devices().isEmpty());
            assertThrows(ProbeDisconnectedException.class, () -> h.send(ProbeHarness.hex("00 FE")));
        }
    }

    @Test
    void blockedReadFailsAsDisconnectedWhenProbeIsUnplugged() throws Exception {
        try (ProbeHarness h = ProbeHarness.v2(new FakeSwdTarget())) {
            CompletableFuture<byte[]> pending = CompletableFuture.supplyAsync(() -> h.receive(0));
            h.probe.faults().stopAnswering();
            h.send(ProbeHarness.hex("00 FE"));
            h.probe.faults().disconnectAfterRequests(0);

            ExecutionException e = assertThrows(ExecutionException.class, () -> pending.get(5, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof ProbeDisconnectedException, e.getCause().toString());
        }
    }

    @Test
    void probeVanishesAfterTheGivenNumberOfRequests() {
        try (ProbeHarness h = ProbeHarness.v2(new FakeSwdTarget())) {
            h.probe.faults().disconnectAfterRequests(2);
            assertEquals("00 01 08", h.exchangeHex("00 FE"));
            assertEquals("00 01 08", h.exchangeHex("00 FE"));
            assertThrows(ProbeDisconnectedException.class, () -> h.send(ProbeHarness.hex("00 FE")));
            assertTrue(!h.probe.isPlugged());
        }
    }

    @Test
    void replugAfterDisconnectGivesAFreshFirmware() {
        try (ProbeHarness h = ProbeHarness.v2(new FakeSwdTarget())) {
            assertEquals("11 00", h.exchangeHex("11 00 09 3D 00"));
            h.bus.detach(h.probe);
            UsbDeviceInfo again = h.bus.attach(h.probe);
            var device = h.bus.open(again);
            device.claimInterface(0);
            byte[] info = ProbeHarness.hex("00 FE");
            device.bulkTransfer(h.outEndpoint, info, 0, info.length, 1000);
            byte[] in = new byte[512];
            assertEquals(3, device.bulkTransfer(h.inEndpoint, in, 0, in.length, 1000));
            assertEquals(1_000_000, h.probe.swjClockHz());
            device.close();
        }
    }

    @Test
    void closedProbeCannotBePluggedAndLeavesTheBusEmpty() {
        ProbeHarness h = ProbeHarness.v2(new FakeSwdTarget());
        h.close();
        try (VirtualUsbBus other = new VirtualUsbBus()) {
            assertThrows(IllegalStateException.class, () -> other.attach(h.probe));
            assertTrue(other.devices().isEmpty());
        }
    }

    @Test
    void probeCannotBePluggedIntoTwoBusesAtOnce() {
        try (ProbeHarness h = ProbeHarness.v2(new FakeSwdTarget()); VirtualUsbBus other = new VirtualUsbBus()) {
            assertThrows(IllegalStateException.class, () -> other.attach(h.probe));
            assertTrue(other.devices().isEmpty());
            assertEquals("00 01 08", h.exchangeHex("00 FE"));
        }
    }

    @Test
    void garbledResponseCarriesAWrongEchoByte() {
        try (ProbeHarness h = ProbeHarness.v2(new FakeSwdTarget())) {
            h.probe.faults().garbleNextResponses(1);
            assertEquals("01 01 08", h.exchangeHex("00 FE"));
            assertEquals("00 01 08", h.exchangeHex("00 FE"));
        }
    }

    @Test
    void truncatedResponseIsCutToTheGivenLengthOnBothTransports() {
        try (ProbeHarness h = ProbeHarness.v2(new FakeSwdTarget())) {
            h.probe.faults().truncateNextResponses(1, 2);
            assertEquals("00 02", h.exchangeHex("00 FF"));
        }
        try (ProbeHarness h = ProbeHarness.dapLink(new FakeSwdTarget(), DapTransportKind.V1_HID)) {
            h.probe.faults().truncateNextResponses(1, 3);
            assertEquals("00 02 40", h.exchangeHex("00 FF"));
        }
    }

    @Test
    void stoppedProbeTimesOutUntilItResumes() {
        try (ProbeHarness h = ProbeHarness.v2(new FakeSwdTarget())) {
            h.probe.faults().stopAnswering();
            h.send(ProbeHarness.hex("00 FE"));
            assertThrows(TransferTimeoutException.class, () -> h.receive(100));
            h.probe.faults().resumeAnswering();
            assertEquals("00 01 08", ProbeHarness.hex(h.receive(1000)));
        }
    }
}
