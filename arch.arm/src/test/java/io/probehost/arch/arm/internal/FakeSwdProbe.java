package io.probehost.arch.arm.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeCapability;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.WireProtocol;

/** An SWD-only probe for the connector tests, offering exactly the capabilities it is given. */
final class FakeSwdProbe implements DebugProbe {
    private final ProbeDescription description;
    private final Map<Class<?>, Object> capabilities;
    private WireProtocol protocol;

    FakeSwdProbe(String serial, String product, Map<Class<?>, Object> capabilities) {
        this.description = new ProbeDescription("fake", serial, "Fake", product, null, null, null, null);
        this.capabilities = capabilities;
    }

    @Override
    public ProbeDescription description() {
        return description;
    }

    @Override
    public Set<WireProtocol> supportedProtocols() {
        return EnumSet.of(WireProtocol.SWD);
    }

    @Override
    public void connect(WireProtocol wire) {
        protocol = wire;
    }

    @Override
    public Optional<WireProtocol> protocol() {
        return Optional.ofNullable(protocol);
    }

    @Override
    public void disconnect() {
        protocol = null;
    }

    @Override
    public long setClockHz(long clockHz) {
        return clockHz;
    }

    @Override
    public <C extends ProbeCapability> Optional<C> capability(Class<C> type) {
        return Optional.ofNullable(capabilities.get(type)).map(type::cast);
    }

    @Override
    public void close() {
        protocol = null;
    }
}
