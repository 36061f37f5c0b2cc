package io.probehost.remote.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.probehost.api.ProbeException;
import io.probehost.api.usb.UsbBus;

/**
 * The station side: when the framework property {@value #PORT} is set ({@code ./probehost serve --remote PORT}),
 * serves this runtime's USB buses (not the remote ones) to clients holding the station token, on
 * {@value #BIND} (default loopback). Without the property it does nothing.
 */
@Component(immediate = true, service = {})
public final class RemoteServerComponent {
    static final String PORT = "probehost.remote.port";
    static final String BIND = "probehost.remote.bind";
    static final String TLS = "probehost.remote.tls";
    private static final Logger LOG = Logger.getLogger(RemoteServerComponent.class.getName());
    private final List<UsbBus> buses = new CopyOnWriteArrayList<>();
    private final Optional<RemoteServer> server;

    @Activate
    public RemoteServerComponent(BundleContext context) {
        String port = context.getProperty(PORT);
        if (port == null || port.isBlank()) {
            server = Optional.empty();
            return;
        }
        String bind = Optional.ofNullable(context.getProperty(BIND)).filter(b -> !b.isBlank()).orElse("127.0.0.1");
        Path state = Path.of(Optional.ofNullable(context.getProperty("probehost.state")).orElse(".probehost"));
        boolean tls = Boolean.parseBoolean(context.getProperty(TLS));
        try {
            RemoteServer listening = RemoteServer.listen(InetAddress.getByName(bind), Integer.parseInt(port.trim()),
                    state, tls, () -> List.copyOf(buses));
            LOG.info("remote: serving this station's USB devices on " + bind + ":" + listening.port()
                    + (tls ? " over TLS (certificate " + StationCertificate.certificate(state) + ")" : "")
                    + " (token in " + StationToken.file(state) + ")");
            server = Optional.of(listening);
        } catch (IOException | NumberFormatException e) {
            throw new ProbeException("remote: cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(!(" + RemoteStations.BUS_PROPERTY + "=remote))")
    void addBus(UsbBus bus) {
        buses.add(bus);
    }

    void removeBus(UsbBus bus) {
        buses.remove(bus);
    }

    @Deactivate
    void deactivate() {
        server.ifPresent(RemoteServer::close);
    }
}
