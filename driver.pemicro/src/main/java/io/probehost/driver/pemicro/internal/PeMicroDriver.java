package io.probehost.driver.pemicro.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.probehost.api.ProbeDisconnectedException;
import io.probehost.api.ProbeException;
import io.probehost.api.option.OptionDescriptor;
import io.probehost.api.option.OptionProvider;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.ProbeDriver;

/**
 * The PE Micro driver (an add-on): PE Micro Multilink and Cyclone probes through PE Micro's own
 * native library, loaded with JNA from where the user installed it (the library is proprietary and
 * never shipped). The library is loaded on first use and unloaded when the component deactivates,
 * after closing the open port, so installing and removing the driver leaves nothing behind. The
 * library drives one port per process: one probe is open at a time.
 */
@Component(service = {ProbeDriver.class, OptionProvider.class}, configurationPid = PeMicroDriver.PID,
        property = ProbeDriver.NAME_PROPERTY + "=" + PeMicroDriver.NAME)
@Designate(ocd = PeMicroDriver.Config.class)
public class PeMicroDriver implements ProbeDriver, OptionProvider {
    static final String NAME = "pemicro";
    static final String PID = "io.probehost.driver.pemicro";
    static final String VENDOR = "PEMicro";

    @ObjectClassDefinition(name = "PE Micro probe driver")
    public @interface Config {
        @AttributeDefinition(name = "Library path",
                description = "PE Micro's unitacmp library file, or the folder holding it; empty: the system "
                        + "property probehost.pemicro.library, then the library search path")
        String library_path() default "";
    }

    private final LibraryLocation location;
    private PeLibrary library;
    private PeMicroProbe openProbe;

    @Activate
    public PeMicroDriver(Config config) {
        this(LibraryLocation.find(config.library_path()));
    }

    PeMicroDriver(LibraryLocation location) {
        this.location = location;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "PE Micro Multilink and Cyclone probes through PE Micro's library (add-on, JNA)";
    }

    /** Ports of every type; the unique ID is the short descriptor, as pyOCD's PE Micro plug-in has it. */
    @Override
    public List<ProbeDescription> probes() {
        PeLibrary loaded = library();
        String product = productName(loaded);
        List<ProbeDescription> probes = new ArrayList<>();
        for (PeLibrary.Port port : loaded.ports()) {
            probes.add(new ProbeDescription(NAME, port.id(), VENDOR, port.description().isEmpty() ? product
                    : port.description(), "", "", "", NAME + ":" + port.index()));
        }
        return probes;
    }

    @Override
    public synchronized DebugProbe open(ProbeDescription probe, SessionOptions options) {
        if (openProbe != null) {
            throw new ProbeException("the PE Micro library drives one probe at a time: "
                    + openProbe.description().uniqueId() + " is open; close it before opening " + probe.uniqueId());
        }
        PeLibrary loaded = library();
        boolean listed = loaded.ports().stream().anyMatch(port -> port.id().equals(probe.uniqueId()));
        if (!listed) {
            throw new ProbeDisconnectedException("PE Micro probe " + probe.uniqueId() + " is no longer attached");
        }
        PeMicroProbe[] opened = new PeMicroProbe[1];
        opened[0] = PeMicroProbe.open(probe, loaded, options, () -> released(opened[0]));
        openProbe = opened[0];
        return openProbe;
    }

    @Override
    public List<OptionDescriptor<?>> options() {
        return PeMicroOptions.ALL;
    }

    /** Closes the open probe and unloads the library. */
    @Deactivate
    synchronized void deactivate() {
        if (openProbe != null) {
            openProbe.close();
        }
        if (library != null) {
            library.close();
            library = null;
        }
    }

    private synchronized PeLibrary library() {
        if (library == null) {
            library = PeLibrary.load(location);
        }
        return library;
    }

    private synchronized void released(PeMicroProbe probe) {
        if (openProbe == probe) {
            openProbe = null;
        }
    }

    private static String productName(PeLibrary library) {
        String version = library.version();
        return version == null || version.isBlank() ? "PE Micro probe" : version.trim();
    }
}
