package io.probehost.driver.cmsisdap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeDisconnectedException;
import io.probehost.api.ProbeException;
import io.probehost.api.option.OptionDescriptor;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbEndpointInfo;
import io.probehost.api.usb.UsbInterfaceInfo;
import io.probehost.api.usb.UsbTransferType;

class CmsisDapDriverTest {
    private final MockUsbBus bus = new MockUsbBus("lab");
    private final CmsisDapDriver driver = new CmsisDapDriver(BoardTable.load(), 100);

    CmsisDapDriverTest() {
        driver.addBus(bus);
    }

    private static FakeDap dap() {
        return new FakeDap(64, 4, "2.1.0");
    }

    @Test
    void findsV2ProbeWhenInterfaceNameContainsCmsisDap() {
        bus.attach(MockUsbBus.device("1-2", 0x2E8A, 0x000C, "Debugprobe on Pico (CMSIS-DAP)", "E6614C311B",
                MockUsbBus.v2Interface(0, 64)), dap());
        List<ProbeDescription> probes = driver.probes();
        assertEquals(1, probes.size());
        ProbeDescription probe = probes.get(0);
        assertEquals("cmsisdap", probe.driver());
        assertEquals("E6614C311B", probe.uniqueId());
        assertEquals("ARM Debugprobe on Pico (CMSIS-DAP)", probe.displayName());
        assertEquals("lab:1-2", probe.location());
        assertTrue(probe.target().isEmpty());
    }

    @Test
    void findsV1ProbeWhenProductStringContainsCmsisDap() {
        bus.attach(MockUsbBus.device("1-3", 0xC251, 0xF002, "Keil ULINK CMSIS-DAP", "U1",
                MockUsbBus.hidInterface(0, true)), dap());
        assertEquals(List.of("U1"), ids());
        driver.open(driver.probes().get(0), TestOptions.defaults()).close();
        assertEquals(0, bus.lastOpened().zeroLengthPackets);
        assertEquals(64, bus.lastOpened().written.get(0).length, "v1 pads every report");
    }

    @Test
    void prefersTheHidInterfaceNamedCmsisDapWhenThereAreSeveral() {
        UsbInterfaceInfo vcomHid = new UsbInterfaceInfo(0, UsbInterfaceInfo.CLASS_HID, 0, 0, "LPC-LINK2 DATA PORT",
                List.of(new UsbEndpointInfo(0x81, UsbTransferType.INTERRUPT, 64)));
        UsbInterfaceInfo dapHid = new UsbInterfaceInfo(2, UsbInterfaceInfo.CLASS_HID, 0, 0, "LPC-LINK2 CMSIS-DAP",
                List.of(new UsbEndpointInfo(0x84, UsbTransferType.INTERRUPT, 64),
                        new UsbEndpointInfo(0x05, UsbTransferType.INTERRUPT, 64)));
        UsbDeviceInfo device = MockUsbBus.device("1", 0x1FC9, 0x0090, "LPC-LINK2 CMSIS-DAP", "L2", vcomHid, dapHid);
        assertEquals(2, CmsisDapInterface.findV1(device).orElseThrow().number());
        assertEquals(0x05, CmsisDapInterface.findV1(device).orElseThrow().outEndpoint());
    }

    @Test
    void listsNothingWhenNoInterfaceIsCmsisDap() {
        UsbInterfaceInfo unnamedVendor = new UsbInterfaceInfo(0, 0xFF, 0, 0, "Serial",
                List.of(new UsbEndpointInfo(0x02, UsbTransferType.BULK, 64), new UsbEndpointInfo(0x81, UsbTransferType.BULK, 64)));
        UsbInterfaceInfo wrongOrder = new UsbInterfaceInfo(0, 0xFF, 0, 0, "CMSIS-DAP v2",
                List.of(new UsbEndpointInfo(0x81, UsbTransferType.BULK, 64), new UsbEndpointInfo(0x02, UsbTransferType.BULK, 64)));
        bus.attach(MockUsbBus.device("1", 0x1234, 1, "Keyboard", "K", MockUsbBus.hidInterface(0, true)), dap());
        bus.attach(MockUsbBus.device("2", 0x1234, 2, "Adapter", "A", unnamedVendor), dap());
        bus.attach(MockUsbBus.device("3", 0x1234, 3, "Adapter", "B", wrongOrder), dap());
        assertTrue(driver.probes().isEmpty());
    }

    @Test
    void listsOneProbeAndOpensV2WhenDeviceOffersBoth() {
        bus.attach(MockUsbBus.device("1-4", 0x0D28, 0x0204, "DAPLink CMSIS-DAP", "9904360254",
                MockUsbBus.hidInterface(3, true), MockUsbBus.v2Interface(0, 64)), dap());
        assertEquals(1, driver.probes().size());
        driver.open(driver.probes().get(0), TestOptions.defaults()).close();
        assertEquals(List.of(0), bus.lastOpened().claimed);
        assertTrue(bus.lastOpened().written.get(0).length < 64, "v2 does not pad");
    }

    @Test
    void opensV1WhenPreferV1IsSet() {
        bus.attach(MockUsbBus.device("1-4", 0x0D28, 0x0204, "DAPLink CMSIS-DAP", "9904360254",
                MockUsbBus.hidInterface(3, true), MockUsbBus.v2Interface(0, 64)), dap());
        driver.open(driver.probes().get(0), TestOptions.defaults().with(CmsisDapOptions.PREFER_V1, "true")).close();
        assertEquals(List.of(3), bus.lastOpened().claimed);
        assertEquals(List.of(3), bus.lastOpened().released);
    }

    @Test
    void synthesisesAStableUniqueIdWhenSerialIsMissing() {
        bus.attach(MockUsbBus.device("1-5", 0x2E8A, 0x000C, "CMSIS-DAP", "", MockUsbBus.v2Interface(0, 64)), dap());
        bus.attach(MockUsbBus.device("1-6", 0x2E8A, 0x000C, "CMSIS-DAP", "", MockUsbBus.v2Interface(0, 64)), dap());
        List<String> ids = ids();
        assertEquals(ids, ids(), "the same port gives the same ID");
        assertNotEquals(ids.get(0), ids.get(1));
        assertTrue(ids.get(0).matches("[A-Z2-7]{32}"), ids.get(0));
    }

    @Test
    void looksUpTheBoardWhenDaplinkSerialStartsWithABoardId() {
        bus.attach(MockUsbBus.device("1", 0x0D28, 0x0204, "DAPLink CMSIS-DAP", "0240000032044e45",
                MockUsbBus.v2Interface(0, 64)), dap());
        bus.attach(MockUsbBus.device("2", 0x0D28, 0x0204, "DAPLink CMSIS-DAP", "9904360254",
                MockUsbBus.v2Interface(0, 64)), dap());
        List<ProbeDescription> probes = driver.probes();
        assertEquals("FRDM-K64F", probes.get(0).boardName());
        assertEquals("NXP", probes.get(0).boardVendor());
        assertEquals("mk64fn1m0xxx12", probes.get(0).targetType());
        assertEquals("micro:bit v2", probes.get(1).boardName());
        assertEquals("nrf52833_xxaa", probes.get(1).targetType());
    }

    @Test
    void ignoresBoardIdPrefixWhenProbeIsNotDaplink() {
        bus.attach(MockUsbBus.device("1", 0x2E8A, 0x000C, "Debugprobe CMSIS-DAP", "0240ABCD",
                MockUsbBus.v2Interface(0, 64)), dap());
        assertTrue(driver.probes().get(0).target().isEmpty());
    }

    @Test
    void listsDapInfoTargetAndBoardWhenTheProbeIsNotADaplink() {
        FakeDap dap = dap();
        dap.info.put(0x07, FakeDap.string("Raspberry Pi"));
        dap.info.put(0x08, FakeDap.string("Pico"));
        dap.info.put(0x06, FakeDap.string("RP2040"));
        bus.attach(MockUsbBus.device("1", 0x2E8A, 0x000C, "Debugprobe CMSIS-DAP", "E661",
                MockUsbBus.v2Interface(0, 64)), dap);
        var listed = driver.probes().get(0);
        assertEquals("Pico", listed.boardName());
        assertEquals("Raspberry Pi", listed.boardVendor());
        assertEquals("rp2040", listed.targetType());
        var probe = driver.open(listed, TestOptions.defaults());
        assertEquals("Pico", probe.description().boardName());
        probe.close();
        assertEquals("rp2040", driver.probes().get(0).targetType());
    }

    @Test
    void findsProbesWhenSeveralBusesAreBound() {
        MockUsbBus real = new MockUsbBus("libusb");
        real.attach(new UsbDeviceInfo("libusb", "3-1", 0x0D28, 0x0204, 0, "ARM", "DAPLink CMSIS-DAP", "1101AB",
                List.of(MockUsbBus.v2Interface(0, 64))), dap());
        bus.attach(MockUsbBus.device("1", 0x0D28, 0x0204, "DAPLink CMSIS-DAP", "0200CD", MockUsbBus.v2Interface(0, 64)),
                dap());
        driver.addBus(real);
        assertEquals(List.of("0200CD", "1101AB"), ids());
        driver.removeBus(real);
        assertEquals(List.of("0200CD"), ids());
    }

    @Test
    void throwsProbeExceptionNamingTheBusWhenItFailsToList() {
        bus.failing = new IllegalStateException("libusb_get_device_list failed: LIBUSB_ERROR_NO_MEM");
        ProbeException error = assertThrows(ProbeException.class, driver::probes);
        assertEquals("CMSIS-DAP: cannot list the devices of USB bus 'lab': libusb_get_device_list failed:"
                + " LIBUSB_ERROR_NO_MEM", error.getMessage());
    }

    @Test
    void openThrowsDisconnectedWhenTheProbeIsGone() {
        bus.attach(MockUsbBus.device("1", 0x0D28, 0x0204, "DAPLink CMSIS-DAP", "0200CD", MockUsbBus.v2Interface(0, 64)),
                dap());
        ProbeDescription listed = driver.probes().get(0);
        bus.detachAll();
        ProbeDisconnectedException error = assertThrows(ProbeDisconnectedException.class,
                () -> driver.open(listed, TestOptions.defaults()));
        assertEquals("CMSIS-DAP probe 0200CD is no longer attached at lab:1", error.getMessage());
    }

    @Test
    void openClosesTheDeviceWhenDapInfoFails() {
        FakeDap broken = dap();
        broken.overrides.put(0x00, request -> Bytes.hex("01 00"));
        bus.attach(MockUsbBus.device("1", 0x0D28, 0x0204, "DAPLink CMSIS-DAP", "0200CD", MockUsbBus.v2Interface(0, 64)),
                broken);
        assertThrows(ProbeException.class, () -> driver.open(driver.probes().get(0), TestOptions.defaults()));
        assertEquals(1, bus.lastOpened().closeCount);
    }

    @Test
    void declaresThreeOptionsWhenAskedForOptions() {
        List<String> options = driver.options().stream()
                .map(o -> o.name() + "=" + o.defaultValue() + ":" + o.typeName()).collect(Collectors.toList());
        assertEquals(List.of("cmsis_dap.prefer_v1=false:bool", "cmsis_dap.deferred_transfers=true:bool",
                "cmsis_dap.limit_packets=false:bool"), options);
        for (OptionDescriptor<?> option : driver.options()) {
            assertTrue(option.help().length() > 20, option.name());
        }
        assertEquals("cmsisdap", driver.name());
    }

    private List<String> ids() {
        return driver.probes().stream().map(ProbeDescription::uniqueId).collect(Collectors.toList());
    }

    @Test
    void aSessionOpeningAProbeWaitsForAListingThatIsReadingItsInfo() throws Exception {
        FakeDap dap = dap();
        CountDownLatch listingInside = new CountDownLatch(1);
        CountDownLatch releaseListing = new CountDownLatch(1);
        List<String> callers = Collections.synchronizedList(new ArrayList<>());
        bus.attach(MockUsbBus.device("1-3", 0xC251, 0xF002, "Keil ULINK CMSIS-DAP", "U1",
                MockUsbBus.hidInterface(0, true)), request -> {
                    callers.add(Thread.currentThread().getName());
                    if (Thread.currentThread().getName().equals("listing") && listingInside.getCount() > 0) {
                        listingInside.countDown();
                        await(releaseListing);
                    }
                    return dap.apply(request);
                });
        Thread listing = new Thread(driver::probes, "listing");
        listing.start();
        await(listingInside);
        ProbeDescription u1 = new ProbeDescription("cmsisdap", "U1", "ARM", "Keil ULINK CMSIS-DAP", "", "", "", "");
        Thread session = new Thread(() -> driver.open(u1, TestOptions.defaults()).close(), "session");
        session.start();
        while (session.getState() != Thread.State.BLOCKED && !callers.contains("session")) {
            Thread.onSpinWait();
        }
        assertTrue(!callers.contains("session"), "the session talked to the probe while the listing held it");
        releaseListing.countDown();
        listing.join();
        session.join();
        assertEquals("session", callers.get(callers.size() - 1), "the session opened the probe after the listing");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
