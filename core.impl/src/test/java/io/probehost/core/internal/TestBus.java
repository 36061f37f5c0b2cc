package io.probehost.core.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.probehost.api.usb.UsbBus;
import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbHotplugListener;

/** A USB bus for tests: a name, the devices a test gives it, and hot-plug events the test fires. */
public final class TestBus implements UsbBus {
    public final List<UsbHotplugListener> listeners = new CopyOnWriteArrayList<>();
    public final List<UsbDeviceInfo> devices = new CopyOnWriteArrayList<>();
    private final String name;

    public TestBus(String name) {
        this.name = name;
    }

    /** Tells every listener the device arrived. */
    public void plug(UsbDeviceInfo device) {
        listeners.forEach(l -> l.deviceAttached(this, device));
    }

    /** Tells every listener the device left. */
    public void unplug(UsbDeviceInfo device) {
        listeners.forEach(l -> l.deviceDetached(this, device));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<UsbDeviceInfo> devices() {
        return List.copyOf(devices);
    }

    @Override
    public UsbDevice open(UsbDeviceInfo device) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void addHotplugListener(UsbHotplugListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeHotplugListener(UsbHotplugListener listener) {
        listeners.remove(listener);
    }
}
