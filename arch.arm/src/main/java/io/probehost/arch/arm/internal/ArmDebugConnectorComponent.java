package io.probehost.arch.arm.internal;

import org.osgi.service.component.annotations.Component;

import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.WireProtocol;
import io.probehost.arch.arm.ArmConnectOptions;
import io.probehost.arch.arm.ArmDebugConnector;
import io.probehost.arch.arm.ArmDebugFactory;
import io.probehost.arch.arm.CortexMTarget;

/** Registers {@link ArmDebugConnector}; stateless, so one instance serves every session. */
@Component(service = ArmDebugConnector.class)
public final class ArmDebugConnectorComponent implements ArmDebugConnector {

    @Override
    public CortexMTarget connect(DebugProbe probe, WireProtocol protocol, ArmConnectOptions options) {
        return ArmDebugFactory.connect(probe, protocol, options);
    }
}
