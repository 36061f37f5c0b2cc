package io.probehost.api.usb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeException;

class UsbBusesTest {

    @Test
    void findListsTheRecognisedDevicesBusByBusAndForgetsARemovedBus() {
        UsbBuses buses = new UsbBuses();
        UsbBus first = bus("first", () -> List.of(device("first", 0x0004), device("first", 0x9999)));
        UsbBus second = bus("second", () -> List.of(device("second", 0x0004)));
        buses.add(first);
        buses.add(second);

        assertEquals(List.of("first/1-1", "second/1-1"), buses.find("Picoprobe", UsbBusesTest::picoprobe));
        buses.remove(first);
        assertEquals(List.of("second/1-1"), buses.find("Picoprobe", UsbBusesTest::picoprobe));
    }

    @Test
    void aBusThatCannotListItsDevicesFailsTheListingWithTheProbeKindAndBusName() {
        UsbBuses buses = new UsbBuses();
        buses.add(bus("libusb", () -> {
            throw new UsbException("access denied", -3);
        }));

        ProbeException failure = assertThrows(ProbeException.class,
                () -> buses.find("ST-Link", UsbBusesTest::picoprobe));
        assertEquals("ST-Link: cannot list the devices of USB bus 'libusb': access denied", failure.getMessage());
    }

    private static Optional<String> picoprobe(UsbBus bus, UsbDeviceInfo device) {
        return device.productId() == 0x0004 ? Optional.of(bus.name() + "/" + device.location()) : Optional.empty();
    }

    private static UsbDeviceInfo device(String busName, int productId) {
        return new UsbDeviceInfo(busName, "1-1", 0x2E8A, productId, 0, "", "", "", List.of());
    }

    private static UsbBus bus(String name, Supplier<List<UsbDeviceInfo>> devices) {
        return new UsbBus() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<UsbDeviceInfo> devices() {
                return devices.get();
            }

            @Override
            public UsbDevice open(UsbDeviceInfo device) {
                throw new UnsupportedOperationException("listing only");
            }

            @Override
            public void addHotplugListener(UsbHotplugListener listener) {
            }

            @Override
            public void removeHotplugListener(UsbHotplugListener listener) {
            }
        };
    }
}
