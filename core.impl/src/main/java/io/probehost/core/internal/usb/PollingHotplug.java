package io.probehost.core.internal.usb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.probehost.api.usb.UsbBus;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbHotplugListener;

/**
 * Hot-plug events for a bus whose platform has none (libusb without {@code CAP_HAS_HOTPLUG}, as on
 * Windows): lists the devices every {@code periodMillis} and reports those that appeared or left,
 * a device being the same while its location, vendor and product IDs are.
 */
final class PollingHotplug extends Thread {
    private final UsbBus bus;
    private final Supplier<List<UsbDeviceInfo>> devices;
    private final List<UsbHotplugListener> listeners;
    private final long periodMillis;
    private volatile boolean running = true;
    private Map<String, UsbDeviceInfo> known;

    PollingHotplug(UsbBus bus, Supplier<List<UsbDeviceInfo>> devices, List<UsbHotplugListener> listeners,
            long periodMillis) {
        super("probehost-" + bus.name() + "-hotplug-poll");
        setDaemon(true);
        this.bus = bus;
        this.devices = devices;
        this.listeners = listeners;
        this.periodMillis = periodMillis;
        this.known = snapshot();
    }

    @Override
    public void run() {
        while (running) {
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
            poll();
        }
    }

    /** Lists the devices once and reports the differences from the last listing. */
    void poll() {
        Map<String, UsbDeviceInfo> now = snapshot();
        Map<String, UsbDeviceInfo> before = known;
        known = now;
        before.forEach((key, device) -> {
            if (!now.containsKey(key)) {
                listeners.forEach(listener -> listener.deviceDetached(bus, device));
            }
        });
        now.forEach((key, device) -> {
            if (!before.containsKey(key)) {
                listeners.forEach(listener -> listener.deviceAttached(bus, device));
            }
        });
    }

    void shutdown() {
        running = false;
        interrupt();
    }

    private Map<String, UsbDeviceInfo> snapshot() {
        Map<String, UsbDeviceInfo> found = new LinkedHashMap<>();
        try {
            for (UsbDeviceInfo device : devices.get()) {
                found.put(device.location() + "/" + device.vidPid(), device);
            }
        } catch (RuntimeException e) {
            return known == null ? found : known;
        }
        return found;
    }
}
