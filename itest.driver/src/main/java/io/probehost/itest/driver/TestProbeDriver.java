package io.probehost.itest.driver;

import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.probehost.api.ProbeException;
import io.probehost.api.option.OptionDescriptor;
import io.probehost.api.option.OptionProvider;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.ProbeDriver;
import io.probehost.api.usb.UsbBus;

/**
 * A driver that finds three fixed probes (a known target, none, an unknown one) and opens none: enough to watch a driver bundle come, change
 * and go. The framework property {@code itest.driver.fail} makes enumeration throw. Like a real driver it
 * is given the USB buses (which it does not search), so the framework records services it uses.
 */
@Component(service = {ProbeDriver.class, OptionProvider.class}, property = ProbeDriver.NAME_PROPERTY + "=testprobe")
public final class TestProbeDriver implements ProbeDriver, OptionProvider {
    static final OptionDescriptor<Boolean> VERBOSE =
            OptionDescriptor.of("testprobe.verbose", Boolean.class, false, "print every test-probe call");

    private final boolean failing;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<UsbBus> buses;

    @Activate
    public TestProbeDriver(BundleContext context) {
        this.failing = Boolean.parseBoolean(context.getProperty("itest.driver.fail"));
    }

    @Override
    public String name() {
        return "testprobe";
    }

    @Override
    public String description() {
        return "test-only probes for the integration tests";
    }

    @Override
    public List<ProbeDescription> probes() {
        if (failing) {
            throw new ProbeException("test probe bus is on fire");
        }
        return List.of(
                new ProbeDescription("testprobe", "TP0001ABCD", "Probehost", "Test Probe", "Acme", "Test Board",
                        "nrf51822_xxaa", "test:1"),
                new ProbeDescription("testprobe", "TP0002EF01", "Probehost", "Test Probe", "", "", "", "test:2"),
                new ProbeDescription("testprobe", "TP0003C0DE", "Probehost", "Test Probe", "", "", "acme_widget",
                        "test:3"));
    }

    @Override
    public DebugProbe open(ProbeDescription probe, SessionOptions options) {
        throw new ProbeException("test probes cannot be opened");
    }

    @Override
    public List<OptionDescriptor<?>> options() {
        return List.of(VERBOSE);
    }
}
