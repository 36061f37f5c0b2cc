package io.probehost.driver.picoprobe.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeDisconnectedException;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.ResetControl;
import io.probehost.api.probe.SwdSequencer;
import io.probehost.api.probe.SwjControl;
import io.probehost.api.probe.WireProtocol;
import io.probehost.api.usb.UsbBus;
import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbHotplugListener;

class PicoprobeDriverTest {
    /** debugprobe firmware: CMSIS-DAP, PID 0x000C, not this driver's. */
    private static final UsbDeviceInfo DEBUGPROBE = new UsbDeviceInfo("test", "1-2", 0x2E8A, 0x000C, 0xEF,
            "Raspberry Pi", "Debugprobe on Pico (CMSIS-DAP)", "E660123456789ABC", List.of());
    /** PID 0x0004 but a composite device class: pyOCD does not take it either. */
    private static final UsbDeviceInfo OTHER_CLASS = new UsbDeviceInfo("test", "1-3", 0x2E8A, 0x0004, 0xEF, "", "",
            "X", List.of());
    private static final UsbDeviceInfo MOUSE = new UsbDeviceInfo("test", "1-5", 0x046D, 0xC077, 0, "", "", "",
            List.of());

    private static final class TestBus implements UsbBus {
        final RecordingPicoprobe picoprobe = new RecordingPicoprobe();
        int opens;

        @Override
        public String name() {
            return "test";
        }

        @Override
        public List<UsbDeviceInfo> devices() {
            return List.of(MOUSE, DEBUGPROBE, OTHER_CLASS, RecordingPicoprobe.INFO);
        }

        @Override
        public UsbDevice open(UsbDeviceInfo device) {
            opens++;
            return picoprobe;
        }

        @Override
        public void addHotplugListener(UsbHotplugListener listener) {
        }

        @Override
        public void removeHotplugListener(UsbHotplugListener listener) {
        }
    }

    @Test
    void listsOnlyLegacyPicoprobesWithoutOpeningThem() {
        TestBus bus = new TestBus();
        PicoprobeDriver driver = new PicoprobeDriver();
        driver.addBus(bus);
        List<ProbeDescription> probes = driver.probes();
        assertEquals(1, probes.size(), "probes: " + probes);
        ProbeDescription probe = probes.get(0);
        assertEquals("picoprobe", probe.driver());
        assertEquals("E66038B713849D31", probe.uniqueId());
        assertEquals("Raspberry Pi", probe.vendorName());
        assertEquals("Picoprobe", probe.productName());
        assertEquals("test:1-4", probe.location());
        assertEquals(0, bus.opens);
    }

    @Test
    void opensTheProbeInterfaceAndOffersBitLevelCapabilitiesForSwdOnly() {
        TestBus bus = new TestBus();
        PicoprobeDriver driver = new PicoprobeDriver();
        driver.addBus(bus);
        try (DebugProbe probe = driver.open(driver.probes().get(0), SessionOptions.defaults())) {
            assertEquals(List.of(2), bus.picoprobe.claimed);
            assertTrue(probe.capability(SwdSequencer.class).isPresent());
            assertTrue(probe.capability(SwjControl.class).isPresent());
            assertTrue(probe.capability(ResetControl.class).isPresent());
            assertEquals(java.util.Set.of(WireProtocol.SWD), probe.supportedProtocols());
            probe.connect(WireProtocol.SWD);
            assertEquals(List.of("0A 00 00 00 00 03 E8 03 00 00"), bus.picoprobe.packets, "1 MHz, the firmware's default");
        }
        assertEquals(1, bus.picoprobe.closes);
    }

    @Test
    void aProbeThatWentAwayCannotBeOpened() {
        PicoprobeDriver driver = new PicoprobeDriver();
        TestBus bus = new TestBus();
        driver.addBus(bus);
        ProbeDescription listed = driver.probes().get(0);
        driver.removeBus(bus);
        assertThrows(ProbeDisconnectedException.class, () -> driver.open(listed, SessionOptions.defaults()));
        assertTrue(driver.probes().isEmpty());
    }

    @Test
    void declaresSafeSwdOffByDefaultAsPyocdDoes() {
        PicoprobeDriver driver = new PicoprobeDriver();
        assertEquals(List.of("picoprobe.safeswd"), driver.options().stream().map(o -> o.name()).toList());
        assertFalse(PicoprobeOptions.SAFE_SWD.defaultValue());
        assertTrue(PicoprobeOptions.SAFE_SWD.convert("true"));
        assertTrue(driver.description().contains("0x0004"));
    }
}
