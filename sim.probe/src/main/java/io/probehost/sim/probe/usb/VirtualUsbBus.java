package io.probehost.sim.probe.usb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import io.probehost.api.ProbeDisconnectedException;
import io.probehost.api.usb.UsbBus;
import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbHotplugListener;

/**
 * The lab's USB bus. Devices are plugged into numbered ports of one root hub (locations {@code 1-1},
 * {@code 1-2}, ...; a device takes the lowest free port). Hotplug listeners are told on the bus's own
 * thread, in order, after {@link #devices()} already reflects the change; a listener added later is not
 * told of devices already present (call {@link #devices()}). {@link #close()} unplugs everything and
 * ends the thread.
 */
public final class VirtualUsbBus implements UsbBus, AutoCloseable {
    public static final String DEFAULT_NAME = "lab";

    private final String name;
    private final Map<VirtualUsbDevice, PluggedDevice> plugged = new LinkedHashMap<>();
    private final List<UsbHotplugListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService events;
    private boolean closed;

    public VirtualUsbBus() {
        this(DEFAULT_NAME);
    }

    public VirtualUsbBus(String name) {
        this.name = name;
        this.events = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "usb-bus-" + name + "-hotplug");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Plugs a device into the lowest free port.
     *
     * @return the enumerated device as {@link #devices()} lists it
     * @throws IllegalStateException when the device is already plugged or the bus is closed
     */
    public UsbDeviceInfo attach(VirtualUsbDevice device) {
        PluggedDevice port;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("bus " + name + " is closed");
            }
            if (plugged.containsKey(device)) {
                throw new IllegalStateException("device already plugged at " + plugged.get(device).location());
            }
            UsbDeviceDescriptor descriptor = device.descriptor();
            port = new PluggedDevice(this, device, descriptor, descriptor.at(name, "1-" + lowestFreePort()));
            plugged.put(device, port);
        }
        try {
            device.plugged(port);
        } catch (RuntimeException e) {
            synchronized (this) {
                plugged.remove(device);
            }
            port.markUnplugged();
            throw e;
        }
        fire(UsbHotplugListener::deviceAttached, port.info());
        return port.info();
    }

    /**
     * Unplugs a device: its handles fail every pending and later transfer as disconnected.
     *
     * @return false when it was not plugged
     */
    public boolean detach(VirtualUsbDevice device) {
        PluggedDevice port;
        synchronized (this) {
            port = plugged.remove(device);
        }
        if (port == null) {
            return false;
        }
        port.markUnplugged();
        device.unplugged();
        fire(UsbHotplugListener::deviceDetached, port.info());
        return true;
    }

    public synchronized boolean isAttached(VirtualUsbDevice device) {
        return plugged.containsKey(device);
    }

    @Override
    public synchronized List<UsbDeviceInfo> devices() {
        List<UsbDeviceInfo> infos = new ArrayList<>();
        plugged.values().forEach(p -> infos.add(p.info()));
        return List.copyOf(infos);
    }

    @Override
    public UsbDevice open(UsbDeviceInfo device) {
        PluggedDevice port;
        synchronized (this) {
            port = plugged.values().stream().filter(p -> p.info().equals(device)).findFirst().orElse(null);
        }
        if (port == null) {
            throw new ProbeDisconnectedException("USB device " + device.vidPid() + " at " + device.busName() + ":"
                    + device.location() + " is not attached");
        }
        return new VirtualDeviceHandle(port);
    }

    @Override
    public void addHotplugListener(UsbHotplugListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeHotplugListener(UsbHotplugListener listener) {
        listeners.remove(listener);
    }

    /** Unplugs every device, delivers the last hotplug events and ends the event thread. */
    @Override
    public void close() {
        List<VirtualUsbDevice> devices;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            devices = new ArrayList<>(plugged.keySet());
        }
        devices.forEach(this::detach);
        events.shutdown();
        try {
            events.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        events.shutdownNow();
    }

    private int lowestFreePort() {
        int port = 1;
        while (true) {
            String location = "1-" + port;
            if (plugged.values().stream().noneMatch(p -> p.location().equals(location))) {
                return port;
            }
            port++;
        }
    }

    private void fire(HotplugEvent event, UsbDeviceInfo info) {
        try {
            events.execute(() -> {
                for (UsbHotplugListener listener : listeners) {
                    try {
                        event.accept(listener, this, info);
                    } catch (RuntimeException e) {
                        // a failing listener must not starve the others
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            // bus closed: nobody listens any more
        }
    }

    @FunctionalInterface
    private interface HotplugEvent {
        void accept(UsbHotplugListener listener, UsbBus bus, UsbDeviceInfo info);
    }
}
