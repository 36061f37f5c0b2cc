package io.probehost.core.internal.session;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.usb.UsbBus;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbHotplugListener;

/**
 * Listens for devices leaving the USB buses, from the first session on (listening to libusb starts
 * it, which a run that opens no session should not pay for).
 */
final class UnplugWatch implements UsbHotplugListener {
    private final BiConsumer<UsbBus, UsbDeviceInfo> onDetached;
    private final Set<UsbBus> watched = ConcurrentHashMap.newKeySet();
    private volatile boolean started;

    UnplugWatch(BiConsumer<UsbBus, UsbDeviceInfo> onDetached) {
        this.onDetached = onDetached;
    }

    void start(List<UsbBus> buses) {
        started = true;
        buses.forEach(this::watch);
    }

    void busAdded(UsbBus bus) {
        if (started) {
            watch(bus);
        }
    }

    void busRemoved(UsbBus bus) {
        if (watched.remove(bus)) {
            bus.removeHotplugListener(this);
        }
    }

    void stop() {
        started = false;
        for (UsbBus bus : List.copyOf(watched)) {
            busRemoved(bus);
        }
    }

    private void watch(UsbBus bus) {
        if (watched.add(bus)) {
            bus.addHotplugListener(this);
        }
    }

    @Override
    public void deviceAttached(UsbBus bus, UsbDeviceInfo device) {
        // a new session is opened on demand, by the next command
    }

    @Override
    public void deviceDetached(UsbBus bus, UsbDeviceInfo device) {
        onDetached.accept(bus, device);
    }

    /**
     * Whether the device is the probe: its location ({@code bus:location}, as drivers report it)
     * or, for a device with a serial number, its unique ID.
     */
    static boolean isOn(ProbeDescription probe, UsbBus bus, UsbDeviceInfo device) {
        if (probe.location().equals(bus.name() + ":" + device.location())) {
            return true;
        }
        return !device.serialNumber().isEmpty() && probe.uniqueId().equals(device.serialNumber());
    }
}
