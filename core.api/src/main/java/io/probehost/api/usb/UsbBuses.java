package io.probehost.api.usb;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import io.probehost.api.ProbeException;

/**
 * The {@link UsbBus} services a USB probe driver is bound to, and the probes it recognises on them.
 * A driver's dynamic bind and unbind methods hand the buses over; listing reads a snapshot, so a bus
 * that comes or goes meanwhile never disturbs a listing under way.
 */
public final class UsbBuses {
    private volatile List<UsbBus> buses = List.of();

    public synchronized void add(UsbBus bus) {
        List<UsbBus> updated = new ArrayList<>(buses);
        updated.add(bus);
        buses = List.copyOf(updated);
    }

    public synchronized void remove(UsbBus bus) {
        List<UsbBus> updated = new ArrayList<>(buses);
        updated.remove(bus);
        buses = List.copyOf(updated);
    }

    /**
     * Every device on every bus that {@code recognise} makes a probe of, bus by bus in binding order.
     *
     * @param probeKind names the probes in the message when a bus cannot list its devices, e.g. "J-Link"
     */
    public <P> List<P> find(String probeKind, BiFunction<UsbBus, UsbDeviceInfo, Optional<P>> recognise) {
        List<P> found = new ArrayList<>();
        for (UsbBus bus : buses) {
            List<UsbDeviceInfo> devices;
            try {
                devices = bus.devices();
            } catch (RuntimeException e) {
                throw new ProbeException(probeKind + ": cannot list the devices of USB bus '" + bus.name() + "': "
                        + e.getMessage(), e);
            }
            for (UsbDeviceInfo device : devices) {
                recognise.apply(bus, device).ifPresent(found::add);
            }
        }
        return found;
    }
}
