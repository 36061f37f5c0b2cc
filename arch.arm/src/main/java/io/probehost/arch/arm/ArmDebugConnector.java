package io.probehost.arch.arm;

import org.osgi.annotation.versioning.ProviderType;

import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.WireProtocol;

/**
 * The service form of {@link ArmDebugFactory}, for bundles that would rather have it injected
 * (and see it come and go with this bundle) than call a static method.
 */
@ProviderType
public interface ArmDebugConnector {

    /** As {@link ArmDebugFactory#connect(DebugProbe, WireProtocol, ArmConnectOptions)}. */
    CortexMTarget connect(DebugProbe probe, WireProtocol protocol, ArmConnectOptions options);
}
