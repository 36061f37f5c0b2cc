package io.probehost.remote.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.probehost.api.usb.UsbBus;

/**
 * The client side: one {@link RemoteUsbBus} service per station this runtime is told of, in the
 * environment variable {@value #STATIONS_VARIABLE} and the framework property {@value #STATIONS_PROPERTY}
 * (which the launcher sets for a one-shot command's {@code -u remote:HOST:PORT/UID}):
 * {@code HOST:PORT[=TOKENFILE]}, comma separated; a station named twice is taken once. A station's token is read from TOKENFILE, by default
 * {@code <state>/remote/stations/HOST_PORT.token}, when the bus first connects. When the station's
 * certificate sits beside it ({@code HOST_PORT.crt}, a copy of the station's {@code <state>/remote/station.crt}),
 * the bus connects over TLS and trusts that certificate only.
 */
@Component(immediate = true, service = RemoteStations.class)
public final class RemoteStations {
    static final String BUS_PROPERTY = "probehost.usb.bus";
    static final String STATIONS_VARIABLE = "PROBEHOST_REMOTE";
    static final String STATIONS_PROPERTY = "probehost.remote.stations";
    private final List<RemoteUsbBus> buses = new ArrayList<>();
    private final List<ServiceRegistration<UsbBus>> registrations = new ArrayList<>();

    @Activate
    public RemoteStations(BundleContext context) {
        String listed = Optional.ofNullable(System.getenv(STATIONS_VARIABLE)).orElse("") + ","
                + Optional.ofNullable(context.getProperty(STATIONS_PROPERTY)).orElse("");
        Set<StationAddress> known = new HashSet<>();
        Path state = Path.of(Optional.ofNullable(context.getProperty("probehost.state")).orElse(".probehost"));
        for (String entry : listed.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            StationAddress station = StationAddress.parse(equals < 0 ? entry : entry.substring(0, equals));
            if (!known.add(station)) {
                continue;
            }
            Path tokenFile = equals < 0 ? defaultTokenFile(state, station) : Path.of(entry.substring(equals + 1).trim());
            Path pinned = certificateBeside(tokenFile);
            RemoteUsbBus bus = new RemoteUsbBus(station, () -> StationToken.read(tokenFile),
                    () -> Files.exists(pinned) ? Optional.of(StationCertificate.pinned(pinned)) : Optional.empty());
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(BUS_PROPERTY, "remote");
            properties.put("probehost.remote.station", station.toString());
            buses.add(bus);
            registrations.add(context.registerService(UsbBus.class, bus, properties));
        }
    }

    /** {@code lab_7450.token} → {@code lab_7450.crt}: when it exists, the station is reached over TLS. */
    static Path certificateBeside(Path tokenFile) {
        String name = tokenFile.getFileName().toString();
        String stem = name.endsWith(".token") ? name.substring(0, name.length() - ".token".length()) : name;
        return tokenFile.resolveSibling(stem + ".crt");
    }

    static Path defaultTokenFile(Path state, StationAddress station) {
        return state.resolve("remote").resolve("stations")
                .resolve(station.host().replace(':', '_') + "_" + station.port() + ".token");
    }

    /** The stations' buses, in the order they were listed. */
    List<RemoteUsbBus> buses() {
        return List.copyOf(buses);
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
        buses.forEach(RemoteUsbBus::disconnect);
    }
}
