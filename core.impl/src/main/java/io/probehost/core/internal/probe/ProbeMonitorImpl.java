package io.probehost.core.internal.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.probehost.api.host.ProbeEvent;
import io.probehost.api.host.ProbeListener;
import io.probehost.api.host.ProbeMonitor;
import io.probehost.api.host.ProbeRegistry;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.ProbeDriver;
import io.probehost.api.usb.UsbBus;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbHotplugListener;

/**
 * {@link ProbeMonitor} over the USB buses' hot-plug events: each event (and each driver that comes or
 * goes) has the probes listed again on the monitor's own thread, compared with the last listing by
 * driver and unique ID, and the differences told to the watchers. Events that arrive while a listing
 * is pending are folded into it. Buses are listened to from the first use on (libusb starts on first use).
 */
@Component(service = ProbeMonitor.class)
public final class ProbeMonitorImpl implements ProbeMonitor, UsbHotplugListener {
    private final ProbeRegistry registry;
    private final List<UsbBus> buses = new CopyOnWriteArrayList<>();
    private final List<ProbeListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "probehost-probe-monitor");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean rescanPending = new AtomicBoolean();
    private volatile boolean listening;
    /** The last listing, by key; written on the worker thread (or under this monitor before it starts). */
    private volatile Map<String, ProbeDescription> known;

    @Activate
    public ProbeMonitorImpl(@Reference ProbeRegistry registry) {
        this.registry = registry;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addBus(UsbBus bus) {
        buses.add(bus);
        if (listening) {
            bus.addHotplugListener(this);
            requestRescan();
        }
    }

    void removeBus(UsbBus bus) {
        buses.remove(bus);
        bus.removeHotplugListener(this);
        requestRescan();
    }

    /** Drivers installed or removed change what the buses' devices are, without a bus event. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addDriver(ProbeDriver driver) {
        requestRescan();
    }

    void removeDriver(ProbeDriver driver) {
        requestRescan();
    }

    @Deactivate
    void deactivate() {
        listening = false;
        buses.forEach(bus -> bus.removeHotplugListener(this));
        worker.shutdownNow();
    }

    @Override
    public List<ProbeDescription> present() {
        startListening();
        return List.copyOf(known.values());
    }

    @Override
    public Watch watch(ProbeListener listener) {
        startListening();
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private synchronized void startListening() {
        if (listening) {
            return;
        }
        known = list();
        listening = true;
        buses.forEach(bus -> bus.addHotplugListener(this));
        requestRescan();
    }

    @Override
    public void deviceAttached(UsbBus bus, UsbDeviceInfo device) {
        requestRescan();
    }

    @Override
    public void deviceDetached(UsbBus bus, UsbDeviceInfo device) {
        requestRescan();
    }

    private void requestRescan() {
        if (!listening || !rescanPending.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(this::rescan);
        } catch (RejectedExecutionException e) {
            rescanPending.set(false);
        }
    }

    private void rescan() {
        rescanPending.set(false);
        Map<String, ProbeDescription> now = list();
        Map<String, ProbeDescription> before = known;
        known = now;
        List<ProbeEvent> events = new ArrayList<>();
        before.forEach((key, probe) -> {
            if (!now.containsKey(key)) {
                events.add(new ProbeEvent(ProbeEvent.Kind.DEPARTED, probe));
            }
        });
        now.forEach((key, probe) -> {
            if (!before.containsKey(key)) {
                events.add(new ProbeEvent(ProbeEvent.Kind.ARRIVED, probe));
            }
        });
        for (ProbeEvent event : events) {
            for (ProbeListener listener : listeners) {
                try {
                    listener.probeChanged(event);
                } catch (RuntimeException e) {
                    // one failing watcher must not starve the others
                }
            }
        }
    }

    private Map<String, ProbeDescription> list() {
        Map<String, ProbeDescription> found = new LinkedHashMap<>();
        for (ProbeDescription probe : registry.probes().probes()) {
            found.put(probe.driver() + ":" + probe.uniqueId(), probe);
        }
        return found;
    }
}
