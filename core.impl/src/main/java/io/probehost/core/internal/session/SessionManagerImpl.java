package io.probehost.core.internal.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.probehost.api.ProbeException;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.TargetConnector;
import io.probehost.api.host.DebugSession;
import io.probehost.api.host.OptionRegistry;
import io.probehost.api.host.ProbeClaim;
import io.probehost.api.host.ProbeRegistry;
import io.probehost.api.host.SessionManager;
import io.probehost.api.host.SessionRequest;
import io.probehost.api.host.TargetRegistry;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.WireProtocol;
import io.probehost.api.target.TargetDescription;
import io.probehost.api.usb.UsbBus;
import io.probehost.api.usb.UsbDeviceInfo;

/**
 * Keeps one debug session per probe (by driver and unique ID). A request for the probe's open
 * session's target, protocol, clock and options gets that session; any other request for the probe
 * closes it and opens a new one; sessions on other probes are left alone, and each probe has its own
 * lock, so sessions on different probes open and work in parallel. The session opened or renewed last
 * is the current one. Deactivation (the runtime stopping, as after a one-shot command) closes them all.
 *
 * <p>A session whose probe is unplugged (the USB bus says so, or an operation finds it gone) is
 * detached, not forgotten: it stays the probe's session, failing as disconnected, and the first
 * use after the probe is back opens a new session with the same request.
 */
@Component(service = SessionManager.class)
public final class SessionManagerImpl implements SessionManager {
    /** Target name meaning "no pack: a generic core of the connector's architecture", as in pyOCD. */
    static final String GENERIC_TARGET = "cortex_m";

    private final ProbeRegistry probes;
    private final TargetRegistry targets;
    private final OptionRegistry optionRegistry;
    private final List<TargetConnector> connectors = new CopyOnWriteArrayList<>();
    private final List<UsbBus> buses = new CopyOnWriteArrayList<>();
    private final UnplugWatch unplugWatch = new UnplugWatch(this::sessionUnplugged);
    private final ProbeClaims claims = new ProbeClaims();
    /** Each probe's slot, holding its session; a slot's monitor orders the work on that probe's session. */
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private volatile String currentKey;

    /** One probe's place: its session, if any; changed under the slot's monitor, read anywhere. */
    private static final class Slot {
        private volatile OpenSession session;
    }

    @Activate
    public SessionManagerImpl(@Reference ProbeRegistry probes, @Reference TargetRegistry targets,
            @Reference OptionRegistry optionRegistry) {
        this.probes = probes;
        this.targets = targets;
        this.optionRegistry = optionRegistry;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addConnector(TargetConnector connector) {
        connectors.add(connector);
    }

    void removeConnector(TargetConnector connector) {
        connectors.remove(connector);
    }

    /** Buses are watched for unplugged probes once a session has been opened (libusb starts on first use). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addBus(UsbBus bus) {
        buses.add(bus);
        unplugWatch.busAdded(bus);
    }

    void removeBus(UsbBus bus) {
        buses.remove(bus);
        unplugWatch.busRemoved(bus);
    }

    /** Called on a bus's thread: marks the probe's session detached without waiting for a command in progress. */
    private void sessionUnplugged(UsbBus bus, UsbDeviceInfo device) {
        for (Slot slot : slots.values()) {
            OpenSession session = slot.session;
            if (session != null && UnplugWatch.isOn(session.probeDescription(), bus, device)) {
                session.detach();
            }
        }
    }

    @Deactivate
    void deactivate() {
        unplugWatch.stop();
        currentKey = null;
        for (Slot slot : slots.values()) {
            synchronized (slot) {
                closeSession(slot);
            }
        }
    }

    @Override
    public DebugSession connect(SessionRequest request) {
        String key = ProbeClaims.key(request.probe());
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        synchronized (slot) {
            OpenSession open = slot.session;
            if (open != null) {
                if (open.isOpen() && open.request().equals(request)) {
                    currentKey = key;
                    return open;
                }
                closeSession(slot);
            }
            OpenSession opened = open(request);
            slot.session = opened;
            currentKey = key;
            unplugWatch.start(buses);
            return opened;
        }
    }

    private OpenSession open(SessionRequest request) {
        SessionOptions options = resolveOptions(request);
        Optional<TargetDescription> target = findTarget(request, options);
        TargetConnector connector = connectorFor(target);
        DebugProbe probe = probes.open(request.probe(), options);
        try {
            if (target.isEmpty() && !targetAsked(request, options) && request.probe().target().isEmpty()) {
                // a probe may learn its target when opened (an option such as jlink.device)
                target = probe.description().target().flatMap(targets::find);
                connector = connectorFor(target);
            }
            WireProtocol protocol = protocol(request, options, probe, connector);
            long clock = request.clockHz() > 0 ? request.clockHz() : options.get(CoreOptions.FREQUENCY);
            if (clock <= 0) {
                throw new ProbeException("frequency must be positive, not " + clock);
            }
            probe.setClockHz(clock);
            DebugTarget connected = connector.connect(probe, protocol, options, target);
            return new OpenSession(request, probe, target, options, connected);
        } catch (RuntimeException e) {
            probe.close();
            throw e;
        }
    }

    private SessionOptions resolveOptions(SessionRequest request) {
        try {
            return optionRegistry.resolve(request.options(), request.probe().uniqueId());
        } catch (IllegalArgumentException e) {
            throw new ProbeException(e.getMessage());
        }
    }

    /**
     * The current session; a detached one is reopened when its probe is back, and otherwise returned
     * as it is (its operations fail as disconnected) so that commands keep meaning its probe.
     */
    @Override
    public Optional<DebugSession> current() {
        String key = currentKey;
        return key == null ? Optional.empty() : usable(key);
    }

    @Override
    public Optional<DebugSession> session(ProbeDescription probe) {
        return usable(ProbeClaims.key(probe));
    }

    @Override
    public List<DebugSession> sessions() {
        List<DebugSession> open = new ArrayList<>();
        for (Slot slot : slots.values()) {
            OpenSession session = slot.session;
            if (session != null && (session.isOpen() || session.isDetached())) {
                open.add(session);
            }
        }
        return open;
    }

    private Optional<DebugSession> usable(String key) {
        Slot slot = slots.get(key);
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            OpenSession session = slot.session;
            if (session == null) {
                return Optional.empty();
            }
            if (session.isDetached()) {
                Optional<ProbeDescription> back = present(session.probeDescription());
                if (back.isEmpty()) {
                    return Optional.of(session);
                }
                SessionRequest before = session.request();
                return Optional.of(connect(new SessionRequest(back.get(), before.options(), before.targetName(),
                        before.protocol(), before.clockHz())));
            }
            if (!session.isOpen()) {
                slot.session = null;
                return Optional.empty();
            }
            return Optional.of(session);
        }
    }

    /** The probe as enumeration finds it now (its location may have changed), if it is connected. */
    private Optional<ProbeDescription> present(ProbeDescription probe) {
        return probes.probes().probes().stream()
                .filter(p -> p.driver().equals(probe.driver()) && p.uniqueId().equals(probe.uniqueId()))
                .findFirst();
    }

    @Override
    public void disconnect() {
        String key = currentKey;
        Slot slot = key == null ? null : slots.get(key);
        if (slot != null) {
            synchronized (slot) {
                closeSession(slot);
            }
        }
        currentKey = null;
    }

    @Override
    public ProbeClaim claim(ProbeDescription probe, String user, Duration wait) {
        return claims.claim(probe, user, wait);
    }

    /** Closes the slot's session; the caller holds the slot's monitor. */
    private static void closeSession(Slot slot) {
        if (slot.session != null) {
            OpenSession closing = slot.session;
            slot.session = null;
            closing.close();
        }
    }

    /**
     * The target the request names (or target_override), which must be known; else the one the
     * probe reports, used when a pack knows it and otherwise treated as a generic core.
     */
    Optional<TargetDescription> findTarget(SessionRequest request, SessionOptions options) {
        Optional<String> asked = request.targetName().filter(name -> !name.isBlank())
                .or(() -> Optional.ofNullable(options.get(CoreOptions.TARGET_OVERRIDE)).filter(n -> !n.isBlank()));
        if (asked.isPresent()) {
            String name = asked.get().trim();
            if (name.equalsIgnoreCase(GENERIC_TARGET)) {
                return Optional.empty();
            }
            return Optional.of(targets.find(name).orElseThrow(() -> unknownTarget(name)));
        }
        return request.probe().target().flatMap(targets::find);
    }

    private static boolean targetAsked(SessionRequest request, SessionOptions options) {
        return request.targetName().filter(name -> !name.isBlank()).isPresent()
                || Optional.ofNullable(options.get(CoreOptions.TARGET_OVERRIDE)).filter(n -> !n.isBlank()).isPresent();
    }

    private ProbeException unknownTarget(String name) {
        List<String> known = new ArrayList<>();
        known.add(GENERIC_TARGET);
        targets.targets().forEach(t -> known.add(t.name()));
        List<String> close = TargetNames.closeTo(name, known);
        String hint = close.isEmpty() ? "target:list shows the known targets"
                : "did you mean " + String.join(", ", close) + "? target:list shows them all";
        return new ProbeException("unknown target '" + name + "' (" + hint + ")");
    }

    private TargetConnector connectorFor(Optional<TargetDescription> target) {
        List<TargetConnector> candidates = new ArrayList<>(connectors);
        candidates.sort(Comparator.comparing(TargetConnector::architecture));
        for (TargetConnector connector : candidates) {
            if (connector.supports(target)) {
                return connector;
            }
        }
        String what = target.map(t -> "target " + t.name()).orElse("a target of unknown type");
        if (candidates.isEmpty()) {
            throw new ProbeException("cannot connect to " + what + ": no architecture bundle (such as "
                    + "io.probehost.arch.arm) is installed");
        }
        throw new ProbeException("cannot connect to " + what + ": none of the installed architectures ("
                + String.join(", ", candidates.stream().map(TargetConnector::architecture).toList())
                + ") supports it");
    }

    /**
     * The protocol asked for (request, then the {@code dap_protocol} option), which the probe and the
     * target's architecture must both speak; otherwise the architecture's first protocol that the
     * probe supports (SWD before JTAG for Arm, JTAG for RISC-V).
     */
    private static WireProtocol protocol(SessionRequest request, SessionOptions options, DebugProbe probe,
            TargetConnector connector) {
        Optional<WireProtocol> asked = request.protocol().or(() -> Optional
                .ofNullable(options.get(CoreOptions.PROTOCOL)).filter(p -> !p.isBlank()).map(WireProtocol::parse));
        Set<WireProtocol> supported = probe.supportedProtocols();
        if (asked.isPresent()) {
            if (!supported.contains(asked.get())) {
                throw new ProbeException(probe.description().displayName() + " " + probe.description().uniqueId()
                        + " does not support " + asked.get() + " (it supports " + names(supported) + ")");
            }
            if (!connector.protocols().contains(asked.get())) {
                throw new ProbeException(connector.architecture() + " targets are not debugged over " + asked.get()
                        + " (only " + names(Set.copyOf(connector.protocols())) + ")");
            }
            return asked.get();
        }
        if (supported.isEmpty()) {
            return connector.protocols().get(0);
        }
        return connector.protocols().stream().filter(supported::contains).findFirst()
                .orElseThrow(() -> new ProbeException(probe.description().displayName() + " "
                        + probe.description().uniqueId() + " cannot debug " + connector.architecture()
                        + " targets: it supports " + names(supported) + ", they need "
                        + names(Set.copyOf(connector.protocols()))));
    }

    private static String names(Set<WireProtocol> protocols) {
        return String.join(", ", protocols.stream().map(p -> p.name().toLowerCase(Locale.ROOT)).sorted().toList());
    }
}
