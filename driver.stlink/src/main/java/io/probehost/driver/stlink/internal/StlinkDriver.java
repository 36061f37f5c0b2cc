package io.probehost.driver.stlink.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The ST-Link driver: finds V2, V2-1, V3 and V3PWR probes on every {@link UsbBus} service and
 * declares the {@code stlink.*} options. A probe is opened once, briefly, to read its board ID
 * (GET_BOARD_IDENTIFIERS); the answer is remembered, so listing never opens it again.
 */
@Component(service = {ProbeDriver.class, OptionProvider.class},
        property = ProbeDriver.NAME_PROPERTY + "=" + FoundProbe.DRIVER_NAME)
public class StlinkDriver implements ProbeDriver, OptionProvider {
    private final BoardTable boards;
    private final Map<String, Optional<String>> boardIds = new ConcurrentHashMap<>();
    /**
     * One lock per serial: a listing that opens an ST-Link to learn its board and a session that opens
     * it take turns, so neither finds the interface claimed by the other (LIBUSB_ERROR_BUSY).
     */
    private final Map<String, Object> openLocks = new ConcurrentHashMap<>();
    private final UsbBuses buses = new UsbBuses();

    @Activate
    public StlinkDriver() {
        this(BoardTable.load());
    }

    StlinkDriver(BoardTable boards) {
        this.boards = boards;
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
        return "STMicroelectronics ST-Link/V2, V2-1, V3 and V3PWR probes (firmware V2J24 or later)";
    }

    @Override
    public List<ProbeDescription> probes() {
        List<ProbeDescription> probes = new ArrayList<>();
        for (FoundProbe probe : findAll()) {
            String id = probe.description().uniqueId();
            if (!boardIds.containsKey(id)) {
                learnBoard(probe);
            }
        }
        for (FoundProbe probe : findAll()) {
            probes.add(probe.description());
        }
        return probes;
    }

    private void learnBoard(FoundProbe probe) {
        String id = probe.description().uniqueId();
        synchronized (openLock(id)) {
            if (boardIds.containsKey(id)) {
                return;
            }
            try (StlinkChannel channel = new StlinkChannel(
                    new UsbStlinkTransport(probe.bus().open(probe.device()), probe.model()))) {
                StlinkVersion version = StlinkOpener.readVersion(channel, probe.model());
                boardIds.put(id, version.jtag() == 0 ? Optional.empty() : StlinkOpener.boardId(channel));
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
                    return StlinkOpener.open(found.description(), found.model(),
                            new UsbStlinkTransport(found.bus().open(found.device()), found.model()), options);
                }
            }
        }
        throw new ProbeDisconnectedException("ST-Link " + probe.uniqueId() + " is no longer attached"
                + (probe.location().isEmpty() ? "" : " at " + probe.location()));
    }

    @Override
    public List<OptionDescriptor<?>> options() {
        return StlinkOptions.ALL;
    }

    private List<FoundProbe> findAll() {
        return buses.find("ST-Link", (bus, device) -> FoundProbe.of(bus, device, boardIds
                .getOrDefault(FoundProbe.uniqueId(device), Optional.empty()).flatMap(boards::byId)));
    }
}
