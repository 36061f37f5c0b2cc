package io.probehost.driver.picoprobe.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.probehost.api.ProbeDisconnectedException;
import io.probehost.api.option.OptionDescriptor;
import io.probehost.api.option.OptionProvider;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.ProbeDriver;
import io.probehost.api.usb.UsbBus;
import io.probehost.api.usb.UsbBuses;

/**
 * The legacy Picoprobe driver: finds Raspberry Pi Picoprobes with the pre-CMSIS-DAP firmware
 * (2E8A:0004) on every {@link UsbBus} service and declares {@code picoprobe.safeswd}. Listing never
 * opens a probe: it has nothing more to tell than its USB strings.
 */
@Component(service = {ProbeDriver.class, OptionProvider.class},
        property = ProbeDriver.NAME_PROPERTY + "=" + FoundProbe.DRIVER_NAME)
public class PicoprobeDriver implements ProbeDriver, OptionProvider {
    private final UsbBuses buses = new UsbBuses();

    /** Stateless apart from the buses, which SCR binds after construction. */
    @Activate
    public PicoprobeDriver() {
        // nothing to configure
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
        return "Raspberry Pi Picoprobe with the legacy bit-level firmware (USB PID 0x0004); "
                + "newer debugprobe firmware speaks CMSIS-DAP";
    }

    @Override
    public List<ProbeDescription> probes() {
        return findAll().stream().map(FoundProbe::description).toList();
    }

    @Override
    public DebugProbe open(ProbeDescription probe, SessionOptions options) {
        for (FoundProbe found : findAll()) {
            if (found.description().uniqueId().equals(probe.uniqueId())
                    && (probe.location().isEmpty() || found.description().location().equals(probe.location()))) {
                PicoprobeTransport transport = new UsbPicoprobeTransport(found.bus().open(found.device()));
                return new PicoprobeProbe(found.description(),
                        new PicoprobeChannel(transport, found.description().displayName()),
                        options.get(PicoprobeOptions.SAFE_SWD));
            }
        }
        throw new ProbeDisconnectedException("Picoprobe " + probe.uniqueId() + " is no longer attached"
                + (probe.location().isEmpty() ? "" : " at " + probe.location()));
    }

    @Override
    public List<OptionDescriptor<?>> options() {
        return PicoprobeOptions.ALL;
    }

    private List<FoundProbe> findAll() {
        return buses.find("Picoprobe", FoundProbe::of);
    }
}
