package io.probehost.driver.cmsisdap.internal;

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

/**
 * The CMSIS-DAP driver: finds v1 (HID) and v2 (bulk) probes on every {@link UsbBus} service, and
 * declares the {@code cmsis_dap.*} options.
 */
@Component(service = {ProbeDriver.class, OptionProvider.class},
        property = ProbeDriver.NAME_PROPERTY + "=" + ProbeFinder.DRIVER_NAME)
public class CmsisDapDriver implements ProbeDriver, OptionProvider {
    private final BoardTable boards;
    private final Map<String, DapInfo> openedBefore = new ConcurrentHashMap<>();
    /**
     * One lock per unique ID: a listing that opens a probe to read its DAP_Info and a session that opens
     * it take turns, so neither finds the interface claimed by the other (LIBUSB_ERROR_BUSY).
     */
    private final Map<String, Object> openLocks = new ConcurrentHashMap<>();
    private final int timeoutMillis;
    private volatile List<UsbBus> buses = List.of();

    @Activate
    public CmsisDapDriver() {
        this(BoardTable.load(), DapTransport.TIMEOUT_MILLIS);
    }

    CmsisDapDriver(BoardTable boards, int timeoutMillis) {
        this.boards = boards;
        this.timeoutMillis = timeoutMillis;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addBus(UsbBus bus) {
        synchronized (this) {
            List<UsbBus> updated = new ArrayList<>(buses);
            updated.add(bus);
            buses = List.copyOf(updated);
        }
    }

    void removeBus(UsbBus bus) {
        synchronized (this) {
            List<UsbBus> updated = new ArrayList<>(buses);
            updated.remove(bus);
            buses = List.copyOf(updated);
        }
    }

    @Override
    public String name() {
        return ProbeFinder.DRIVER_NAME;
    }

    @Override
    public String description() {
        return "Arm CMSIS-DAP probes (DAPLink, debugprobe, ULINK, ...), v2 bulk and v1 HID";
    }

    /**
     * Like {@code pyocd list}, a probe that names no board (not a DAPLink with a board ID) is opened
     * once, briefly, to read its DAP_Info target and board strings; the answer is remembered, so a
     * probe is never opened again just to be listed (nor while a session uses it).
     */
    @Override
    public List<ProbeDescription> probes() {
        List<FoundProbe> found = findAll();
        boolean learned = false;
        for (FoundProbe probe : found) {
            String id = probe.description().uniqueId();
            if (!probe.isDaplink() && !openedBefore.containsKey(id)) {
                learned |= readInfo(probe);
            }
        }
        List<ProbeDescription> probes = new ArrayList<>();
        for (FoundProbe probe : learned ? findAll() : found) {
            probes.add(probe.description());
        }
        return probes;
    }

    private boolean readInfo(FoundProbe probe) {
        String id = probe.description().uniqueId();
        synchronized (openLock(id)) {
            if (openedBefore.containsKey(id)) {
                return true;
            }
            try {
                CmsisDapProbe opened = ProbeOpener.open(probe, SessionOptions.defaults(), timeoutMillis);
                try {
                    openedBefore.put(id, opened.info());
                    return true;
                } finally {
                    opened.close();
                }
            } catch (ProbeException e) {
                // busy in another program, or gone: list it with what USB tells
                return false;
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
                    CmsisDapProbe opened = ProbeOpener.open(found, options, timeoutMillis);
                    openedBefore.put(probe.uniqueId(), opened.info());
                    return opened;
                }
            }
        }
        throw new ProbeDisconnectedException("CMSIS-DAP probe " + probe.uniqueId() + " is no longer attached"
                + (probe.location().isEmpty() ? "" : " at " + probe.location()));
    }

    @Override
    public List<OptionDescriptor<?>> options() {
        return CmsisDapOptions.ALL;
    }

    private List<FoundProbe> findAll() {
        List<UsbBus> snapshot = buses;
        ProbeFinder finder = new ProbeFinder(boards, openedBefore);
        List<FoundProbe> found = new ArrayList<>();
        for (UsbBus bus : snapshot) {
            found.addAll(finder.find(bus));
        }
        return found;
    }
}
