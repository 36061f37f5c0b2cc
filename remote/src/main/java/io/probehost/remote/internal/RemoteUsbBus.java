package io.probehost.remote.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import io.probehost.api.usb.UsbBus;
import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbDeviceInfo;
import io.probehost.api.usb.UsbHotplugListener;

/**
 * A station's USB devices as a local bus: every driver works on them unchanged. It connects on first
 * use and again after the connection is lost. A station that cannot be reached lists no devices (so
 * the drivers still list this machine's) and keeps the reason for {@link #lastError()}.
 * <p>
 * The devices show only to a driver working for the {@link RemoteProbeDriver} (inside
 * {@link #forRemoteDriver}): each station probe is then listed once, as {@code remote:HOST:PORT/UID},
 * rather than a second time under its own driver's name, and a driver listing this machine's
 * probes never waits for a station.
 */
final class RemoteUsbBus implements UsbBus {
    static final String NAME_PREFIX = "remote-";
    private final StationAddress station;
    private final Supplier<String> token;
    private final Supplier<Optional<SSLContext>> tls;
    private final List<UsbHotplugListener> listeners = new CopyOnWriteArrayList<>();
    private RemoteConnection connection;
    private Optional<Refusal> refused = Optional.empty();

    private record Refusal(String token, RemoteAuthException error) {
    }
    private volatile Optional<RuntimeException> lastError = Optional.empty();

    RemoteUsbBus(StationAddress station, Supplier<String> token) {
        this(station, token, Optional::empty);
    }

    /** @param tls the TLS context trusting the station's certificate, empty for plain TCP */
    RemoteUsbBus(StationAddress station, Supplier<String> token, Supplier<Optional<SSLContext>> tls) {
        this.station = station;
        this.token = token;
        this.tls = tls;
    }

    StationAddress station() {
        return station;
    }

    @Override
    public String name() {
        return NAME_PREFIX + station;
    }

    private static final ThreadLocal<Boolean> FOR_REMOTE_DRIVER = ThreadLocal.withInitial(() -> false);

    /** Runs {@code work} (a driver's listing or opening) with the stations' devices visible to it. */
    static <T> T forRemoteDriver(Supplier<T> work) {
        boolean outer = FOR_REMOTE_DRIVER.get();
        FOR_REMOTE_DRIVER.set(true);
        try {
            return work.get();
        } finally {
            FOR_REMOTE_DRIVER.set(outer);
        }
    }

    @Override
    public List<UsbDeviceInfo> devices() {
        if (!FOR_REMOTE_DRIVER.get()) {
            return List.of();
        }
        try {
            List<UsbDeviceInfo> devices = DeviceListCodec.decode(call(Operation.LIST_DEVICES, out -> { })
                    .rest());
            lastError = Optional.empty();
            return devices.stream().map(this::onThisBus).toList();
        } catch (RuntimeException e) {
            lastError = Optional.of(e);
            return List.of();
        }
    }

    /** Why the last listing found nothing: the station could not be reached or refused the token. */
    Optional<RuntimeException> lastError() {
        return lastError;
    }

    /** The station's own bus and location, joined: {@code lab/1-2}. */
    private UsbDeviceInfo onThisBus(UsbDeviceInfo device) {
        return new UsbDeviceInfo(name(), device.busName() + "/" + device.location(), device.vendorId(),
                device.productId(), device.deviceClass(), device.manufacturer(), device.product(),
                device.serialNumber(), device.interfaces());
    }

    @Override
    public UsbDevice open(UsbDeviceInfo device) {
        int slash = device.location().indexOf('/');
        String stationBus = device.location().substring(0, slash);
        String location = device.location().substring(slash + 1);
        int handle = call(Operation.OPEN, out -> {
            Frame.writeText(out, stationBus);
            Frame.writeText(out, location);
        }).readInt();
        return new RemoteUsbDevice(this, device, handle);
    }

    /** Sends a request, connecting first when needed; a lost connection is dropped so the next call reconnects. */
    synchronized ReplyReader call(Operation operation, Frame.PayloadWriter arguments) {
        if (connection == null) {
            connection = connect();
        }
        try {
            return new ReplyReader(connection.call(operation, arguments));
        } catch (RemoteProtocolException e) {
            connection.close();
            connection = null;
            throw e;
        }
    }

    /**
     * Connects, unless the station refused this very token before: every driver lists the bus, and
     * asking again with a refused token would only be refused again, each time more slowly.
     */
    private RemoteConnection connect() {
        String current = token.get();
        if (refused.isPresent() && refused.get().token().equals(current)) {
            throw refused.get().error();
        }
        try {
            return RemoteConnection.open(station, current, tls.get());
        } catch (RemoteAuthException e) {
            refused = Optional.of(new Refusal(current, e));
            throw e;
        }
    }

    synchronized void disconnect() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    @Override
    public void addHotplugListener(UsbHotplugListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeHotplugListener(UsbHotplugListener listener) {
        listeners.remove(listener);
    }
}
