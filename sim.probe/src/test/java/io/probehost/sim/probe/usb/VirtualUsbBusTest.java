package io.probehost.sim.probe.usb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeDisconnectedException;
import io.probehost.api.TransferTimeoutException;
import io.probehost.api.usb.UsbBus;
import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbException;
import io.probehost.api.usb.UsbHotplugListener;

class VirtualUsbBusTest {
    private final VirtualUsbBus bus = new VirtualUsbBus();
    private final LoopbackDevice device = new LoopbackDevice();

    @AfterEach
    void close() {
        bus.close();
    }

    private UsbDevice openClaimed() {
        UsbDevice handle = bus.open(bus.attach(device));
        handle.claimInterface(0);
        return handle;
    }

    @Test
    void attachListsTheDeviceAtTheLowestFreePortOfTheLabBus() {
        UsbDeviceInfo info = bus.attach(device);
        LoopbackDevice second = new LoopbackDevice();

        assertEquals("lab", bus.name());
        assertEquals(new UsbDeviceInfo("lab", "1-1", 0x1234, 0x5678, 0, "Lab", "Loopback", "L1",
                device.descriptor().interfaces()), info);
        assertEquals("1-2", bus.attach(second).location());
        bus.detach(device);
        assertEquals(List.of("1-2"), bus.devices().stream().map(UsbDeviceInfo::location).toList());
        assertEquals("1-1", bus.attach(device).location());
        assertThrows(IllegalStateException.class, () -> bus.attach(device));
    }

    @Test
    void hotplugListenersHearAttachAndDetachInOrder() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(2);
        bus.addHotplugListener(new UsbHotplugListener() {
            @Override
            public void deviceAttached(UsbBus b, UsbDeviceInfo d) {
                events.add("+" + d.location());
                done.countDown();
            }

            @Override
            public void deviceDetached(UsbBus b, UsbDeviceInfo d) {
                events.add("-" + d.location());
                done.countDown();
            }
        });
        bus.attach(device);
        assertTrue(bus.detach(device));

        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("+1-1", "-1-1"), events);
        assertEquals(1, device.unpluggedCalls);
    }

    @Test
    void bulkOutThenInLoopsBackWithAShortRead() {
        UsbDevice handle = openClaimed();
        byte[] out = {1, 2, 3};
        assertEquals(3, handle.bulkTransfer(0x01, out, 0, 3, 100));

        byte[] in = new byte[64];
        assertEquals(3, handle.bulkTransfer(0x81, in, 0, 64, 100));
        assertEquals(2, in[1]);
    }

    @Test
    void inTransferTimesOutWhenDeviceHasNothing() {
        UsbDevice handle = openClaimed();
        assertThrows(TransferTimeoutException.class, () -> handle.bulkTransfer(0x81, new byte[64], 0, 64, 30));
    }

    @Test
    void outTransferTimesOutWhileTheDeviceNaks() {
        UsbDevice handle = openClaimed();
        handle.bulkTransfer(0x01, new byte[1], 0, 1, 100);
        handle.bulkTransfer(0x01, new byte[1], 0, 1, 100);
        assertThrows(TransferTimeoutException.class, () -> handle.bulkTransfer(0x01, new byte[1], 0, 1, 30));
    }

    @Test
    void inTransferIntoASmallerBufferOverflows() {
        UsbDevice handle = openClaimed();
        handle.bulkTransfer(0x01, new byte[10], 0, 10, 100);
        UsbException e = assertThrows(UsbException.class, () -> handle.bulkTransfer(0x81, new byte[4], 0, 4, 100));
        assertEquals(LibusbError.OVERFLOW.code(), e.nativeCode());
    }

    @Test
    void outTransferLargerThanTheEndpointAllowsIsRejected() {
        UsbDevice handle = openClaimed();
        UsbException e = assertThrows(UsbException.class, () -> handle.bulkTransfer(0x01, new byte[65], 0, 65, 100));
        assertEquals(LibusbError.INVALID_PARAM.code(), e.nativeCode());
    }

    @Test
    void transfersNeedTheInterfaceClaimedByThisHandle() {
        UsbDeviceInfo info = bus.attach(device);
        UsbDevice first = bus.open(info);
        UsbDevice second = bus.open(info);

        UsbException unclaimed = assertThrows(UsbException.class,
                () -> first.bulkTransfer(0x01, new byte[1], 0, 1, 10));
        assertEquals(LibusbError.NOT_FOUND.code(), unclaimed.nativeCode());
        first.claimInterface(0);
        UsbException busy = assertThrows(UsbException.class, () -> second.claimInterface(0));
        assertEquals(LibusbError.BUSY.code(), busy.nativeCode());
        UsbException missing = assertThrows(UsbException.class, () -> first.claimInterface(7));
        assertEquals(LibusbError.NOT_FOUND.code(), missing.nativeCode());

        first.releaseInterface(0);
        second.claimInterface(0);
        assertEquals(1, second.bulkTransfer(0x01, new byte[1], 0, 1, 10));
        UsbException notClaimed = assertThrows(UsbException.class, () -> first.releaseInterface(0));
        assertEquals(LibusbError.NOT_FOUND.code(), notClaimed.nativeCode());
    }

    @Test
    void wrongTransferTypeOrUnknownEndpointIsRejected() {
        UsbDevice handle = openClaimed();
        handle.claimInterface(1);
        UsbException type = assertThrows(UsbException.class, () -> handle.bulkTransfer(0x82, new byte[8], 0, 8, 10));
        assertEquals(LibusbError.INVALID_PARAM.code(), type.nativeCode());
        UsbException none = assertThrows(UsbException.class, () -> handle.bulkTransfer(0x03, new byte[8], 0, 8, 10));
        assertEquals(LibusbError.NOT_FOUND.code(), none.nativeCode());
    }

    @Test
    void pendingAndLaterTransfersFailAsDisconnectedWhenDeviceIsDetached() throws Exception {
        UsbDevice handle = openClaimed();
        handle.claimInterface(1);
        CompletableFuture<Integer> pending = CompletableFuture.supplyAsync(
                () -> handle.interruptTransfer(0x82, new byte[8], 0, 8, 0));
        bus.detach(device);

        ExecutionException e = assertThrows(ExecutionException.class, () -> pending.get(5, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof ProbeDisconnectedException);
        assertThrows(ProbeDisconnectedException.class, () -> handle.bulkTransfer(0x01, new byte[1], 0, 1, 10));
        assertThrows(ProbeDisconnectedException.class, () -> bus.open(device.descriptor().at("lab", "1-1")));
    }

    @Test
    void closedHandleFailsItsTransfersAndFreesItsClaims() {
        UsbDeviceInfo info = bus.attach(device);
        UsbDevice first = bus.open(info);
        first.claimInterface(0);
        first.close();
        first.close();

        assertThrows(ProbeDisconnectedException.class, () -> first.bulkTransfer(0x01, new byte[1], 0, 1, 10));
        UsbDevice second = bus.open(info);
        second.claimInterface(0);
        assertEquals(1, second.bulkTransfer(0x01, new byte[1], 0, 1, 10));
    }

    @Test
    void controlTransferStallsWhenTheDeviceHasNoHandler() {
        UsbDevice handle = bus.open(bus.attach(device));
        UsbException e = assertThrows(UsbException.class,
                () -> handle.controlTransfer(0x80, 0x06, 0x0100, 0, new byte[18], 0, 18, 100));
        assertEquals(LibusbError.PIPE.code(), e.nativeCode());
    }

    @Test
    void closingTheBusUnplugsEveryDevice() {
        bus.attach(device);
        bus.close();
        assertTrue(bus.devices().isEmpty());
        assertEquals(1, device.unpluggedCalls);
        assertThrows(IllegalStateException.class, () -> bus.attach(new LoopbackDevice()));
    }
}
