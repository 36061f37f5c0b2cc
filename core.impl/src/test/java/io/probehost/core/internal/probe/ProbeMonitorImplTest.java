package io.probehost.core.internal.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.probehost.api.host.DriverInfo;
import io.probehost.api.host.ProbeEvent;
import io.probehost.api.host.ProbeListing;
import io.probehost.api.host.ProbeMonitor;
import io.probehost.api.host.ProbeRegistry;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.ProbeDriver;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.core.internal.TestBus;

class ProbeMonitorImplTest {
    private static final ProbeDescription DAPLINK = new ProbeDescription("cmsisdap", "9900ABCD", "ARM",
            "DAPLink CMSIS-DAP", "", "", "nrf51822_xxaa", "lab:1-1");
    private static final ProbeDescription OTHER = new ProbeDescription("cmsisdap", "PHLAB0001", "Lab",
            "CMSIS-DAP", "", "", "", "lab:1-2");
    private static final UsbDeviceInfo DEVICE = new UsbDeviceInfo("lab", "1-1", 0x0d28, 0x0204, 0, "ARM",
            "DAPLink CMSIS-DAP", "9900ABCD", List.of());

    private final List<ProbeDescription> listed = new CopyOnWriteArrayList<>(List.of(DAPLINK));
    private final TestBus bus = new TestBus("lab");
    private final ProbeMonitorImpl monitor = new ProbeMonitorImpl(new ListedProbes());
    private final BlockingQueue<ProbeEvent> events = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        monitor.deactivate();
    }

    @Test
    void busEventsBecomeArrivalsAndDeparturesOfProbes() throws InterruptedException {
        monitor.addBus(bus);
        try (ProbeMonitor.Watch watch = monitor.watch(events::add)) {
            assertEquals(1, bus.listeners.size(), "watching listens to the bus");
            listed.add(OTHER);
            bus.plug(DEVICE);
            assertEquals(new ProbeEvent(ProbeEvent.Kind.ARRIVED, OTHER), events.poll(5, TimeUnit.SECONDS));

            listed.remove(DAPLINK);
            bus.unplug(DEVICE);
            assertEquals(new ProbeEvent(ProbeEvent.Kind.DEPARTED, DAPLINK), events.poll(5, TimeUnit.SECONDS));
            assertEquals(List.of(OTHER), monitor.present());
        }
        assertNull(events.poll(), "nothing more was reported");
    }

    @Test
    void busesAreNotListenedToBeforeTheFirstWatchAndProbesPresentAreNotReported() throws InterruptedException {
        monitor.addBus(bus);
        assertTrue(bus.listeners.isEmpty());
        try (ProbeMonitor.Watch watch = monitor.watch(events::add)) {
            bus.plug(DEVICE);
            listed.add(OTHER);
            bus.plug(DEVICE);
            assertEquals(new ProbeEvent(ProbeEvent.Kind.ARRIVED, OTHER), events.poll(5, TimeUnit.SECONDS));
        }
        assertEquals(List.of(), List.copyOf(events));
    }

    @Test
    void aClosedWatchHearsNothingMore() throws InterruptedException {
        monitor.addBus(bus);
        monitor.watch(events::add).close();
        listed.add(OTHER);
        bus.plug(DEVICE);
        BlockingQueue<ProbeEvent> seen = new LinkedBlockingQueue<>();
        try (ProbeMonitor.Watch second = monitor.watch(seen::add)) {
            listed.remove(OTHER);
            bus.unplug(DEVICE);
            ProbeEvent last;
            do {
                last = seen.poll(5, TimeUnit.SECONDS);
            } while (last != null && last.kind() != ProbeEvent.Kind.DEPARTED);
            assertEquals(new ProbeEvent(ProbeEvent.Kind.DEPARTED, OTHER), last);
        }
        assertEquals(List.of(), List.copyOf(events), "the closed watch heard neither event");
    }

    private final class ListedProbes implements ProbeRegistry {
        @Override
        public List<DriverInfo> drivers() {
            return List.of();
        }

        @Override
        public Optional<ProbeDriver> driver(String name) {
            return Optional.empty();
        }

        @Override
        public ProbeListing probes() {
            return new ProbeListing(List.copyOf(listed), List.of());
        }

        @Override
        public DebugProbe open(ProbeDescription probe, SessionOptions options) {
            throw new UnsupportedOperationException();
        }
    }
}
