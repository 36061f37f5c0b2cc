package io.probehost.sim.internal;

import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.probehost.api.usb.UsbBus;
import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbHotplugListener;

/**
 * The virtual lab as a service: its virtual USB bus is a {@link UsbBus} like the real one, so drivers
 * find its probes without knowing they are virtual. The framework property
 * {@value #CONFIG_PROPERTY} names a lab file (JSON or YAML) to use instead of the built-in lab.
 */
@Component(service = {UsbBus.class, LabComponent.class}, immediate = true, property = "probehost.usb.bus=lab")
public final class LabComponent implements UsbBus {
    static final String CONFIG_PROPERTY = "probehost.lab.config";

    private final Lab lab;

    @Activate
    public LabComponent(BundleContext context) {
        String configFile = context.getProperty(CONFIG_PROPERTY);
        LabConfig config = configFile == null || configFile.isBlank() ? LabConfig.readDefault()
                : LabConfig.read(Path.of(configFile));
        String state = context.getProperty("probehost.state");
        Path stateFolder = state == null ? context.getDataFile("lab").toPath() : Path.of(state).resolve("lab");
        this.lab = new Lab(config, stateFolder);
    }

    @Deactivate
    void deactivate() {
        lab.close();
    }

    Lab lab() {
        return lab;
    }

    @Override
    public String name() {
        return lab.bus().name();
    }

    @Override
    public List<UsbDeviceInfo> devices() {
        return lab.bus().devices();
    }

    @Override
    public UsbDevice open(UsbDeviceInfo device) {
        return lab.bus().open(device);
    }

    @Override
    public void addHotplugListener(UsbHotplugListener listener) {
        lab.bus().addHotplugListener(listener);
    }

    @Override
    public void removeHotplugListener(UsbHotplugListener listener) {
        lab.bus().removeHotplugListener(listener);
    }
}
