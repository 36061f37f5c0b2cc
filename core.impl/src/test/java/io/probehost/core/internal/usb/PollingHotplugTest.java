package io.probehost.core.internal.usb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.probehost.api.usb.UsbBus;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbHotplugListener;
import io.probehost.core.internal.TestBus;

class PollingHotplugTest {
    private static final UsbDeviceInfo DAPLINK = new UsbDeviceInfo("libusb", "1-1", 0x0d28, 0x0204, 0, "ARM",
            "DAPLink CMSIS-DAP", "9900ABCD", List.of());
    private static final UsbDeviceInfo STLINK = new UsbDeviceInfo("libusb", "1-2", 0x0483, 0x374b, 0, "STM",
            "ST-Link", "0670", List.of());

    private final List<UsbDeviceInfo> present = new CopyOnWriteArrayList<>(List.of(DAPLINK));
    private final List<String> heard = new ArrayList<>();
    private final UsbHotplugListener listener = new UsbHotplugListener() {
        @Override
        public void deviceAttached(UsbBus bus, UsbDeviceInfo device) {
            heard.add("+ " + bus.name() + ":" + device.location());
        }

        @Override
        public void deviceDetached(UsbBus bus, UsbDeviceInfo device) {
            heard.add("- " + bus.name() + ":" + device.location());
        }
    };

    @Test
    void eachPollReportsTheDevicesThatAppearedOrLeftSinceTheLast() {
        PollingHotplug polling = new PollingHotplug(new TestBus("libusb"), () -> List.copyOf(present), List.of(listener),
                1000);
        polling.poll();
        assertEquals(List.of(), heard, "devices present at the start are not news");
        present.add(STLINK);
        present.remove(DAPLINK);
        polling.poll();
        assertEquals(List.of("- libusb:1-1", "+ libusb:1-2"), heard);
    }

    @Test
    void aFailedListingReportsNothing() {
        boolean[] fail = {false};
        PollingHotplug polling = new PollingHotplug(new TestBus("libusb"), () -> {
            if (fail[0]) {
                throw new IllegalStateException("libusb error");
            }
            return List.copyOf(present);
        }, List.of(listener), 1000);
        fail[0] = true;
        polling.poll();
        assertEquals(List.of(), heard, "a bus that cannot list is not a bus whose devices all left");
    }
}
