package io.probehost.core.internal.usb;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.usb4java.ConfigDescriptor;
import org.usb4java.Context;
import org.usb4java.Device;
import org.usb4java.DeviceDescriptor;
import org.usb4java.DeviceHandle;
import org.usb4java.DeviceList;
import org.usb4java.EndpointDescriptor;
import org.usb4java.HotplugCallbackHandle;
import org.usb4java.Interface;
import org.usb4java.InterfaceDescriptor;
import org.usb4java.LibUsb;

import io.probehost.api.ProbeDisconnectedException;
import io.probehost.api.usb.UsbBus;
import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbEndpointInfo;
import io.probehost.api.usb.UsbException;
import io.probehost.api.usb.UsbHotplugListener;
import io.probehost.api.usb.UsbInterfaceInfo;
import io.probehost.api.usb.UsbTransferType;

/**
 * The real USB bus through libusb (usb4java). libusb starts on first use, so a runtime that never
 * lists probes never loads the native library; where libusb cannot start (no USB subsystem, no
 * native library) the bus is simply empty. Hot-plug events come from libusb's callbacks, or from
 * listing the devices every second where libusb has none.
 */
@Component(service = UsbBus.class, property = "probehost.usb.bus=libusb")
public final class LibUsbBus implements UsbBus {
    private static final System.Logger LOG = System.getLogger(LibUsbBus.class.getName());

    /** How often devices are listed for hot-plug events where libusb has no hot-plug support. */
    private static final long POLL_MILLIS = 1000;

    private final Object lock = new Object();
    private final List<UsbHotplugListener> listeners = new CopyOnWriteArrayList<>();
    private Context context;
    private boolean unavailable;
    private HotplugPump hotplug;
    private PollingHotplug polling;

    @Override
    public String name() {
        return "libusb";
    }

    @Override
    public List<UsbDeviceInfo> devices() {
        synchronized (lock) {
            if (!started()) {
                return List.of();
            }
            DeviceList list = new DeviceList();
            int count = LibUsb.getDeviceList(context, list);
            if (count < 0) {
                throw new UsbException("cannot list USB devices: " + LibUsb.strError(count), count);
            }
            try {
                List<UsbDeviceInfo> devices = new ArrayList<>();
                for (Device device : list) {
                    devices.add(describe(device, true));
                }
                return devices;
            } finally {
                LibUsb.freeDeviceList(list, true);
            }
        }
    }

    @Override
    public UsbDevice open(UsbDeviceInfo info) {
        synchronized (lock) {
            if (!started()) {
                throw new ProbeDisconnectedException("USB device " + info.location() + " is not attached");
            }
            DeviceList list = new DeviceList();
            int count = LibUsb.getDeviceList(context, list);
            if (count < 0) {
                throw new UsbException("cannot list USB devices: " + LibUsb.strError(count), count);
            }
            try {
                for (Device device : list) {
                    if (location(device).equals(info.location())) {
                        DeviceHandle handle = new DeviceHandle();
                        int result = LibUsb.open(device, handle);
                        if (result != LibUsb.SUCCESS) {
                            throw new UsbException("cannot open USB device " + info.vidPid() + " at "
                                    + info.location() + ": " + LibUsb.strError(result), result);
                        }
                        return new LibUsbDevice(info, handle);
                    }
                }
                throw new ProbeDisconnectedException("USB device " + info.vidPid() + " at " + info.location()
                        + " is no longer attached");
            } finally {
                LibUsb.freeDeviceList(list, true);
            }
        }
    }

    @Override
    public void addHotplugListener(UsbHotplugListener listener) {
        listeners.add(listener);
        synchronized (lock) {
            if (hotplug != null || polling != null || !started()) {
                return;
            }
            if (LibUsb.hasCapability(LibUsb.CAP_HAS_HOTPLUG)) {
                hotplug = new HotplugPump();
                hotplug.start();
            } else {
                polling = new PollingHotplug(this, this::devices, listeners, POLL_MILLIS);
                polling.start();
            }
        }
    }

    @Override
    public void removeHotplugListener(UsbHotplugListener listener) {
        listeners.remove(listener);
    }

    @Deactivate
    void deactivate() {
        synchronized (lock) {
            if (hotplug != null) {
                hotplug.shutdown();
                hotplug = null;
            }
            if (polling != null) {
                polling.shutdown();
                polling = null;
            }
            if (context != null) {
                LibUsb.exit(context);
                context = null;
            }
        }
    }

    private boolean started() {
        if (context != null) {
            return true;
        }
        if (unavailable) {
            return false;
        }
        try {
            Context created = new Context();
            int result = LibUsb.init(created);
            if (result != LibUsb.SUCCESS) {
                LOG.log(System.Logger.Level.DEBUG, "libusb did not start: {0}", LibUsb.strError(result));
                unavailable = true;
                return false;
            }
            context = created;
            return true;
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "libusb is not available: {0}", e.toString());
            unavailable = true;
            return false;
        }
    }

    private UsbDeviceInfo describe(Device device, boolean readStrings) {
        DeviceDescriptor descriptor = new DeviceDescriptor();
        int result = LibUsb.getDeviceDescriptor(device, descriptor);
        if (result != LibUsb.SUCCESS) {
            throw new UsbException("cannot read a device descriptor: " + LibUsb.strError(result), result);
        }
        DeviceHandle handle = null;
        if (readStrings) {
            DeviceHandle candidate = new DeviceHandle();
            if (LibUsb.open(device, candidate) == LibUsb.SUCCESS) {
                handle = candidate;
            }
        }
        try {
            return new UsbDeviceInfo(name(), location(device), descriptor.idVendor() & 0xFFFF,
                    descriptor.idProduct() & 0xFFFF, descriptor.bDeviceClass() & 0xFF,
                    string(handle, descriptor.iManufacturer()), string(handle, descriptor.iProduct()),
                    string(handle, descriptor.iSerialNumber()), interfaces(device, handle));
        } finally {
            if (handle != null) {
                LibUsb.close(handle);
            }
        }
    }

    private static List<UsbInterfaceInfo> interfaces(Device device, DeviceHandle handle) {
        ConfigDescriptor config = new ConfigDescriptor();
        if (LibUsb.getActiveConfigDescriptor(device, config) != LibUsb.SUCCESS) {
            return List.of();
        }
        try {
            List<UsbInterfaceInfo> interfaces = new ArrayList<>();
            for (Interface usbInterface : config.iface()) {
                if (usbInterface.numAltsetting() == 0) {
                    continue;
                }
                InterfaceDescriptor setting = usbInterface.altsetting()[0];
                List<UsbEndpointInfo> endpoints = new ArrayList<>();
                for (EndpointDescriptor endpoint : setting.endpoint()) {
                    endpoints.add(new UsbEndpointInfo(endpoint.bEndpointAddress() & 0xFF,
                            UsbTransferType.fromCode(endpoint.bmAttributes() & 0x3),
                            endpoint.wMaxPacketSize() & 0xFFFF));
                }
                interfaces.add(new UsbInterfaceInfo(setting.bInterfaceNumber() & 0xFF,
                        setting.bInterfaceClass() & 0xFF, setting.bInterfaceSubClass() & 0xFF,
                        setting.bInterfaceProtocol() & 0xFF, string(handle, setting.iInterface()), endpoints));
            }
            return interfaces;
        } finally {
            LibUsb.freeConfigDescriptor(config);
        }
    }

    private static String string(DeviceHandle handle, byte index) {
        if (handle == null || index == 0) {
            return "";
        }
        String value = LibUsb.getStringDescriptor(handle, index);
        return value == null ? "" : value.trim();
    }

    static String location(Device device) {
        ByteBuffer ports = ByteBuffer.allocateDirect(8);
        int count = LibUsb.getPortNumbers(device, ports);
        StringJoiner path = new StringJoiner(".");
        for (int i = 0; i < count; i++) {
            path.add(Integer.toString(ports.get(i) & 0xFF));
        }
        return LibUsb.getBusNumber(device) + "-" + (count > 0 ? path : Integer.toString(LibUsb.getDeviceAddress(device)));
    }

    /** Runs libusb's event loop while someone listens for hot-plug events; ends on deactivate. */
    private final class HotplugPump extends Thread {
        private final HotplugCallbackHandle handle = new HotplugCallbackHandle();
        private volatile boolean running = true;

        HotplugPump() {
            super("probehost-libusb-hotplug");
            setDaemon(true);
            LibUsb.hotplugRegisterCallback(context, LibUsb.HOTPLUG_EVENT_DEVICE_ARRIVED | LibUsb.HOTPLUG_EVENT_DEVICE_LEFT,
                    LibUsb.HOTPLUG_NO_FLAGS, LibUsb.HOTPLUG_MATCH_ANY, LibUsb.HOTPLUG_MATCH_ANY,
                    LibUsb.HOTPLUG_MATCH_ANY, (ctx, device, event, data) -> {
                        UsbDeviceInfo info = describe(device, false);
                        for (UsbHotplugListener listener : listeners) {
                            if (event == LibUsb.HOTPLUG_EVENT_DEVICE_ARRIVED) {
                                listener.deviceAttached(LibUsbBus.this, info);
                            } else {
                                listener.deviceDetached(LibUsbBus.this, info);
                            }
                        }
                        return 0;
                    }, null, handle);
        }

        @Override
        public void run() {
            while (running) {
                LibUsb.handleEventsTimeout(context, 200_000);
            }
        }

        void shutdown() {
            running = false;
            LibUsb.hotplugDeregisterCallback(context, handle);
            try {
                join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
