package io.probehost.sim.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.probehost.api.ProbeException;
import io.probehost.api.usb.UsbBus;
import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbHotplugListener;
import io.probehost.sim.probe.pemicro.PeMicroLab;

/**
 * The virtual lab as a service: its virtual USB bus is a {@link UsbBus} like the real one, so drivers
 * find its probes without knowing they are virtual. The framework property
 * {@value #CONFIG_PROPERTY} names a lab file (JSON or YAML) to use instead of the built-in lab.
 */
@Component(service = {UsbBus.class, LabComponent.class}, immediate = true, property = "probehost.usb.bus=lab")
public final class LabComponent implements UsbBus {
    static final String CONFIG_PROPERTY = "probehost.lab.config";

    private final Lab lab;
    /** Why the configured lab could not be built; the bus then reports it instead of listing devices. */
    private final ProbeException failure;
    /** The PE Micro library folder this lab named in the driver's system property, to take back on deactivate. */
    private String libraryPropertySet;
    /** How the PE Micro driver reaches the lab's Multilinks, for lab:list; empty without Multilinks. */
    private String peMicroNote = "";

    @Activate
    public LabComponent(BundleContext context) {
        String state = context.getProperty("probehost.state");
        Path stateFolder = state == null ? context.getDataFile("lab").toPath() : Path.of(state).resolve("lab");
        Lab built = null;
        ProbeException problem = null;
        try {
            String configFile = context.getProperty(CONFIG_PROPERTY);
            LabConfig config = configFile == null || configFile.isBlank() ? LabConfig.readDefault()
                    : LabConfig.read(Path.of(configFile));
            built = new Lab(config, stateFolder);
        } catch (ProbeException e) {
            problem = e;
            built = new Lab(new LabConfig(List.of(), List.of(), null), null);
        }
        this.lab = built;
        this.failure = problem;
        lab.peMicro().ifPresent(server -> offerStandIn(context, stateFolder, server));
    }

    /**
     * Points the PE Micro driver at the stand-in library, which reaches the lab's Multilinks, unless the
     * user named a library; without a shipped stand-in the Multilinks are unreachable and lab:list says so.
     */
    private void offerStandIn(BundleContext context, Path stateFolder, PeMicroLab server) {
        Optional<Path> standIn = PeMicroStandIn.shipped(context::getProperty);
        if (standIn.isEmpty()) {
            peMicroNote = "PE Micro: no stand-in library in the runtime (lab/" + PeMicroStandIn.FILE_NAME
                    + "): the Multilinks are unreachable";
            return;
        }
        try {
            Path folder = PeMicroStandIn.install(standIn.get(), stateFolder.resolve("pemicro"), server);
            String named = System.getProperty(PeMicroStandIn.LIBRARY_PROPERTY);
            if (named == null) {
                libraryPropertySet = folder.toString();
                System.setProperty(PeMicroStandIn.LIBRARY_PROPERTY, libraryPropertySet);
                named = libraryPropertySet;
            }
            peMicroNote = "PE Micro: the Multilinks answer through the stand-in library in " + folder
                    + " (server " + server.address() + "); the driver loads " + named
                    + " (driver:install pemicro adds it)";
        } catch (ProbeException e) {
            peMicroNote = "PE Micro: " + e.getMessage();
        }
    }

    /** How the PE Micro driver reaches the lab's Multilinks; empty when the lab has none. */
    String peMicroNote() {
        return peMicroNote;
    }

    @Deactivate
    void deactivate() {
        if (libraryPropertySet != null && libraryPropertySet.equals(System.getProperty(PeMicroStandIn.LIBRARY_PROPERTY))) {
            System.clearProperty(PeMicroStandIn.LIBRARY_PROPERTY);
        }
        lab.close();
    }

    /** The lab; throws the configuration error when it could not be built. */
    Lab lab() {
        if (failure != null) {
            throw failure;
        }
        return lab;
    }

    @Override
    public String name() {
        return lab.bus().name();
    }

    @Override
    public List<UsbDeviceInfo> devices() {
        return lab().bus().devices();
    }

    @Override
    public UsbDevice open(UsbDeviceInfo device) {
        return lab().bus().open(device);
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
