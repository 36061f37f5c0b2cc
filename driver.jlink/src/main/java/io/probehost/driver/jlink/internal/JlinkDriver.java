package io.probehost.driver.jlink.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.probehost.api.ProbeDisconnectedException;
import io.probehost.api.ProbeException;
import io.probehost.api.option.OptionDescriptor;
import io.probehost.api.option.OptionProvider;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.ProbeDriver;
import io.probehost.api.usb.UsbBus;
import io.probehost.api.usb.UsbBuses;

/**
 * The J-Link driver: finds J-Links speaking the native protocol on every {@link UsbBus} service and
 * declares the {@code jlink.*} options. A probe is opened once, briefly, to read its firmware and
 * hardware versions; the answer is remembered, so listing never opens it again.
 */
@Component(service = {ProbeDriver.class, OptionProvider.class},
        property = ProbeDriver.NAME_PROPERTY + "=" + FoundProbe.DRIVER_NAME)
public class JlinkDriver implements ProbeDriver, OptionProvider {
    private final Map<String, String> productNames = new ConcurrentHashMap<>();
    /**
     * One lock per serial: a listing that opens a J-Link to learn its product name and a session that
     * opens it take turns, so neither finds the interface claimed by the other (LIBUSB_ERROR_BUSY).
     */
    private final Map<String, Object> openLocks = new ConcurrentHashMap<>();
    private final UsbBuses buses = new UsbBuses();

    @Activate
    public JlinkDriver() {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addBus(UsbBus bus) {
        buses.add(bus);
    }

    void removeBus(UsbBus bus) {
        buses.remove(bus);
    }

    @Override
    public String name() {
        return FoundProbe.DRIVER_NAME;
    }

    @Override
    public String description() {
        return "SEGGER J-Link probes over their native USB protocol (SWD and JTAG as HW_JTAG3 bit streams, "
                + "no SEGGER DLL)";
    }

    @Override
    public List<ProbeDescription> probes() {
        List<ProbeDescription> probes = new ArrayList<>();
        for (FoundProbe probe : findAll()) {
            if (!productNames.containsKey(probe.description().uniqueId())) {
                learnProduct(probe);
            }
        }
        for (FoundProbe probe : findAll()) {
            probes.add(probe.description());
        }
        return probes;
    }

    private void learnProduct(FoundProbe probe) {
        String id = probe.description().uniqueId();
        synchronized (openLock(id)) {
            if (productNames.containsKey(id)) {
                return;
            }
            try (JlinkChannel channel = new JlinkChannel(
                    new UsbJlinkTransport(probe.bus().open(probe.device()), probe.jlinkInterface()))) {
                productNames.put(id, JlinkOpener.identify(channel).productName());
            } catch (ProbeException e) {
                // busy in another program, or gone: list it with what USB tells
            }
        }
    }

    private Object openLock(String uniqueId) {
        return openLocks.computeIfAbsent(uniqueId, id -> new Object());
    }

    @Override
    public DebugProbe open(ProbeDescription probe, SessionOptions options) {
        for (FoundProbe found : findAll()) {
            if (found.description().uniqueId().equals(probe.uniqueId())
                    && (probe.location().isEmpty() || found.description().location().equals(probe.location()))) {
                synchronized (openLock(probe.uniqueId())) {
                    return JlinkOpener.open(found.description(),
                            new UsbJlinkTransport(found.bus().open(found.device()), found.jlinkInterface()), options);
                }
            }
        }
        throw new ProbeDisconnectedException("J-Link " + probe.uniqueId() + " is no longer attached"
                + (probe.location().isEmpty() ? "" : " at " + probe.location()));
    }

    @Override
    public List<OptionDescriptor<?>> options() {
        return JlinkOptions.ALL;
    }

    private List<FoundProbe> findAll() {
        return buses.find("J-Link", (bus, device) -> FoundProbe.of(bus, device, productNames.getOrDefault(
                FoundProbe.uniqueId(device), device.product().isEmpty() ? "J-Link" : device.product())));
    }
}
