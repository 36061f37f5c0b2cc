package io.probehost.api.debug;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.WireProtocol;
import io.probehost.api.target.TargetDescription;

/**
 * Connects a probe to a target of one architecture; registered as a service by an architecture
 * bundle (arch.arm, arch.riscv) and tracked by the session manager.
 */
@ConsumerType
public interface TargetConnector {

    /** Service property naming the architecture family: {@code arm} or {@code riscv}. */
    String ARCHITECTURE_PROPERTY = "probehost.architecture";

    /** {@code arm} or {@code riscv}. */
    String architecture();

    /**
     * The wire protocols this architecture's targets are debugged over, the preferred first; the
     * session uses the first one the probe supports unless one is asked for. Arm: SWD, then JTAG;
     * RISC-V: JTAG only.
     */
    default List<WireProtocol> protocols() {
        return List.of(WireProtocol.SWD, WireProtocol.JTAG);
    }

    /** Whether a target description's cores belong to this connector (empty: unknown target). */
    boolean supports(Optional<TargetDescription> target);

    /** Connects through an opened probe; the probe stays owned by the caller. */
    DebugTarget connect(DebugProbe probe, WireProtocol protocol, SessionOptions options,
            Optional<TargetDescription> target);
}
