package io.probehost.remote.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.probehost.api.ProbeException;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.ProbeDriver;

/**
 * The {@code remote} driver: the probes the other drivers find on the stations' buses, named
 * {@code remote:HOST:PORT/UID}. Opening one hands it to the driver that found it, which talks to the
 * probe through the station's USB devices exactly as it does locally.
 */
@Component(service = ProbeDriver.class, property = ProbeDriver.NAME_PROPERTY + "=" + RemoteProbeDriver.NAME)
public final class RemoteProbeDriver implements ProbeDriver {
    static final String NAME = "remote";
    private final RemoteStations stations;
    private final List<ProbeDriver> drivers = new CopyOnWriteArrayList<>();

    /** A station's probe as the driver that found it describes it, and as this driver names it. */
    record RemoteProbe(ProbeDriver driver, ProbeDescription found, ProbeDescription named) {
    }

    @Activate
    public RemoteProbeDriver(@Reference RemoteStations stations) {
        this.stations = stations;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(!(" + ProbeDriver.NAME_PROPERTY + "=" + NAME + "))")
    void addDriver(ProbeDriver driver) {
        drivers.add(driver);
    }

    void removeDriver(ProbeDriver driver) {
        drivers.remove(driver);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "probes of other stations, over TCP (remote:HOST:PORT/UID; stations in $PROBEHOST_REMOTE)";
    }

    @Override
    public List<ProbeDescription> probes() {
        List<ProbeDescription> found = remoteProbes().stream().map(RemoteProbe::named).toList();
        if (found.isEmpty()) {
            Optional<RuntimeException> failure = stations.buses().stream().flatMap(b -> b.lastError().stream())
                    .findFirst();
            if (failure.isPresent()) {
                throw new ProbeException(failure.get().getMessage(), failure.get());
            }
        }
        return found;
    }

    @Override
    public DebugProbe open(ProbeDescription probe, SessionOptions options) {
        RemoteProbe remote = remoteProbes().stream().filter(p -> p.named().uniqueId().equals(probe.uniqueId()))
                .findFirst()
                .orElseThrow(() -> new ProbeException("remote probe " + probe.uniqueId() + " is gone from its station"));
        return RemoteUsbBus.forRemoteDriver(() -> remote.driver().open(remote.found(), options));
    }

    private List<RemoteProbe> remoteProbes() {
        List<RemoteProbe> found = new ArrayList<>();
        for (ProbeDriver driver : drivers) {
            List<ProbeDescription> listed;
            try {
                listed = RemoteUsbBus.forRemoteDriver(driver::probes);
            } catch (RuntimeException e) {
                continue;
            }
            for (ProbeDescription probe : listed) {
                stationOf(probe).ifPresent(station -> found.add(new RemoteProbe(driver, probe, named(probe, station))));
            }
        }
        return found;
    }

    /** The station a probe was found on, from its location {@code remote-HOST:PORT:BUS/LOCATION}. */
    private Optional<String> stationOf(ProbeDescription probe) {
        for (RemoteUsbBus bus : stations.buses()) {
            if (probe.location().startsWith(bus.name() + ":")) {
                return Optional.of(bus.station().toString());
            }
        }
        return Optional.empty();
    }

    private static ProbeDescription named(ProbeDescription probe, String station) {
        return new ProbeDescription(NAME, station + "/" + probe.uniqueId(), probe.vendorName(), probe.productName(),
                probe.boardVendor(), probe.boardName(), probe.targetType(), probe.location());
    }
}
