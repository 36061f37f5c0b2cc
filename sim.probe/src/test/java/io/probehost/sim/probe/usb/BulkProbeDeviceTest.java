package io.probehost.sim.probe.usb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.api.usb.UsbEndpointInfo;
import io.probehost.api.usb.UsbException;
import io.probehost.api.usb.UsbInterfaceInfo;
import io.probehost.api.usb.UsbTransferType;

class BulkProbeDeviceTest {
    /** Echoes each OUT transfer; fails on an empty one; IN 0x83 is silent. */
    private static final class EchoProbe extends BulkProbeDevice {
        int powerLosses;
        int bytesSent;

        EchoProbe() {
            super(new UsbDeviceDescriptor(0x1234, 0x0001, 0, "Lab", "Echo", "E1", List.of(
                    new UsbInterfaceInfo(0, UsbInterfaceInfo.CLASS_VENDOR_SPECIFIC, 0, 0, "echo", List.of(
                            new UsbEndpointInfo(0x01, UsbTransferType.BULK, 64),
                            new UsbEndpointInfo(0x81, UsbTransferType.BULK, 64),
                            new UsbEndpointInfo(0x83, UsbTransferType.BULK, 64))))), 0x01, 0x81, 1024);
        }

        @Override
        protected boolean accept(byte[] data) {
            if (data.length == 0) {
                firmwareFailed(new IllegalArgumentException("empty"));
                return false;
            }
            answer(data);
            return true;
        }

        @Override
        protected void powerLost() {
            powerLosses++;
        }

        @Override
        protected void answerSent(int length) {
            bytesSent += length;
        }

        @Override
        protected boolean isSilent(int endpoint) {
            return endpoint == 0x83;
        }
    }

    @Test
    void answersLeaveInOrderOnePerInTransfer() {
        EchoProbe probe = new EchoProbe();
        probe.receive(0x01, new byte[] {1, 2});
        probe.receive(0x01, new byte[] {3});
        assertArrayEquals(new byte[] {1, 2}, probe.transmit(0x81));
        assertArrayEquals(new byte[] {3}, probe.transmit(0x81));
        assertNull(probe.transmit(0x81));
        assertEquals(3, probe.bytesSent);
    }

    @Test
    void otherEndpointsStallButASilentOneIsEmpty() {
        EchoProbe probe = new EchoProbe();
        assertThrows(UsbException.class, () -> probe.receive(0x02, new byte[] {1}));
        assertThrows(UsbException.class, () -> probe.transmit(0x82));
        assertNull(probe.transmit(0x83));
    }

    @Test
    void unplugDropsAnswersAndRestartsTheFirmware() {
        EchoProbe probe = new EchoProbe();
        probe.receive(0x01, new byte[] {1});
        probe.unplugged();
        assertNull(probe.transmit(0x81));
        assertEquals(1, probe.powerLosses);
    }

    @Test
    void onlyTheOutEndpointTakesLongTransfers() {
        EchoProbe probe = new EchoProbe();
        assertEquals(1024, probe.maxOutTransfer(new UsbEndpointInfo(0x01, UsbTransferType.BULK, 64)));
        assertEquals(64, probe.maxOutTransfer(new UsbEndpointInfo(0x02, UsbTransferType.BULK, 64)));
    }

    @Test
    void aFailedRequestIsRemembered() {
        EchoProbe probe = new EchoProbe();
        probe.receive(0x01, new byte[0]);
        assertEquals("empty", probe.lastFirmwareError().orElseThrow().getMessage());
    }
}
