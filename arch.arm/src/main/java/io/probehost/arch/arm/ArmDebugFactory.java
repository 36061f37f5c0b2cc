package io.probehost.arch.arm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.probehost.api.ProbeException;
import io.probehost.api.TargetException;
import io.probehost.api.TransferException;
import io.probehost.api.probe.ArmMemoryEngine;
import io.probehost.api.probe.DapAccess;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.JtagSequencer;
import io.probehost.api.probe.ResetControl;
import io.probehost.api.probe.SwdSequencer;
import io.probehost.api.probe.SwjControl;
import io.probehost.api.probe.WireProtocol;
import io.probehost.arch.arm.internal.AccessPortScanner;
import io.probehost.arch.arm.internal.CortexMConnection;
import io.probehost.arch.arm.internal.DebugPort;
import io.probehost.arch.arm.internal.EngineDapAccess;
import io.probehost.arch.arm.internal.JtagDapAccess;
import io.probehost.arch.arm.internal.MemAp;
import io.probehost.arch.arm.internal.RomTableWalker;
import io.probehost.arch.arm.internal.SwdSequencerDapAccess;

/**
 * From an opened probe to a connected Cortex-M: wire selection, DP power-up, AP scan, ROM table
 * walk, core identification. Stateless.
 */
public final class ArmDebugFactory {
    private ArmDebugFactory() {
    }

    /**
     * Connects the probe (when not already on {@code protocol}) and the Cortex-M core behind it,
     * through the first of the probe's capabilities that reaches DP and AP registers: its own
     * {@link DapAccess}, a {@link JtagSequencer} under the JTAG-DP layer, an {@link SwdSequencer} under
     * the host-side SWD layer, or the DAP register access of its {@link ArmMemoryEngine}.
     */
    public static CortexMTarget connect(DebugProbe probe, WireProtocol protocol, ArmConnectOptions options) {
        String name = probe.description().displayName();
        if (!probe.supportedProtocols().contains(protocol)) {
            throw new ProbeException(name + " does not support " + protocol + " (it supports "
                    + probe.supportedProtocols() + ")");
        }
        if (!probe.protocol().equals(Optional.of(protocol))) {
            probe.connect(protocol);
        }
        Optional<DapAccess> dap = probe.capability(DapAccess.class);
        if (dap.isEmpty() && protocol == WireProtocol.JTAG) {
            dap = probe.capability(JtagSequencer.class).map(JtagDapAccess::new);
        }
        if (dap.isPresent()) {
            return connect(dap.get(), probe.capability(SwjControl.class), probe.capability(ResetControl.class),
                    protocol, options);
        }
        Optional<SwdSequencer> sequencer = probe.capability(SwdSequencer.class);
        if (sequencer.isPresent() && protocol == WireProtocol.SWD) {
            // SWD packets are built here, bit by bit; switching sequences go through the same layer
            SwdSequencerDapAccess swd = new SwdSequencerDapAccess(sequencer.get(), probe.capability(SwjControl.class),
                    name);
            return connect(swd, Optional.of(swd), probe.capability(ResetControl.class), protocol, options);
        }
        ArmMemoryEngine engine = probe.capability(ArmMemoryEngine.class)
                .filter(ArmMemoryEngine::hasDapRegisterAccess)
                .orElseThrow(() -> new ProbeException(name
                        + " offers no DAP register access; it cannot drive an ADIv5 debug port"));
        // the probe switched the wire itself when it connected: no SWJ sequences
        DebugPort dp = new DebugPort(new EngineDapAccess(engine), Optional.empty(), protocol, options.timeout(),
                Optional.of(engine));
        return connect(dp, probe.capability(ResetControl.class), options);
    }

    /** Connects through the probe capabilities directly (for probes and labs without a DebugProbe). */
    public static CortexMTarget connect(DapAccess dap, Optional<SwjControl> swj, Optional<ResetControl> reset,
            WireProtocol protocol, ArmConnectOptions options) {
        return connect(new DebugPort(dap, swj, protocol, options.timeout()), reset, options);
    }

    private static CortexMTarget connect(DebugPort dp, Optional<ResetControl> reset, ArmConnectOptions options) {
        dp.connect();
        List<AccessPortInfo> accessPorts = AccessPortScanner.scan(dp, options.maxAccessPorts());
        if (options.apIndex().isPresent()) {
            AccessPortInfo chosen = memoryAccessPort(accessPorts, options.apIndex().getAsInt());
            MemAp memory = new MemAp(dp, chosen.index(), chosen.isAhb());
            return new CortexMConnection(dp, accessPorts, chosen, memory, components(memory), reset, options);
        }
        List<String> tried = new ArrayList<>();
        for (AccessPortInfo candidate : accessPorts) {
            if (!candidate.isMemAp()) {
                continue;
            }
            MemAp memory = new MemAp(dp, candidate.index(), candidate.isAhb());
            List<CoreSightComponent> components = components(memory);
            if (components.stream().anyMatch(c -> c.role() == CoreSightComponent.Role.SCS)) {
                return new CortexMConnection(dp, accessPorts, candidate, memory, components, reset, options);
            }
            tried.add(candidate.toString());
        }
        // No ROM table names an SCS: try the first AHB-AP, where Cortex-M cores live.
        for (AccessPortInfo candidate : accessPorts) {
            if (candidate.isAhb()) {
                MemAp memory = new MemAp(dp, candidate.index(), true);
                return new CortexMConnection(dp, accessPorts, candidate, memory, List.of(), reset, options);
            }
        }
        throw new TargetException("no Cortex-M core found: no MEM-AP has a ROM table with an SCS (tried "
                + (tried.isEmpty() ? "none, APs are " + accessPorts : String.join(", ", tried)) + ")");
    }

    private static AccessPortInfo memoryAccessPort(List<AccessPortInfo> accessPorts, int index) {
        for (AccessPortInfo ap : accessPorts) {
            if (ap.index() == index) {
                if (!ap.isMemAp()) {
                    throw new TargetException(ap + " is not a MEM-AP");
                }
                return ap;
            }
        }
        throw new TargetException("AP" + index + " does not exist (found " + accessPorts + ")");
    }

    private static List<CoreSightComponent> components(MemAp memory) {
        long romTable;
        try {
            romTable = RomTableWalker.romTableAddress(memory.readBase());
        } catch (TransferException unreadable) {
            return List.of();
        }
        return romTable < 0 ? List.of() : new RomTableWalker(memory).walk(romTable);
    }
}
