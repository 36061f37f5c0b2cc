package io.probehost.arch.arm.internal;

import java.util.List;
import java.util.Optional;

import io.probehost.api.ProbeException;
import io.probehost.api.debug.BreakpointControl;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.FunctionCaller;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.debug.WatchpointControl;
import io.probehost.api.probe.ResetControl;
import io.probehost.arch.arm.AccessPortInfo;
import io.probehost.arch.arm.ArmConnectOptions;
import io.probehost.arch.arm.CoreSightComponent;
import io.probehost.arch.arm.CoreSightComponent.Role;
import io.probehost.arch.arm.CortexMTarget;
import io.probehost.arch.arm.CortexMType;

/** A Cortex-M core with its FPB and DWT, reached through one MEM-AP. */
public final class CortexMConnection implements CortexMTarget {
    private static final int DWT_V2_DEVARCH_MASK = 0x1FFFFF;

    private final DebugPort dp;
    private final List<AccessPortInfo> accessPorts;
    private final AccessPortInfo memoryAccessPort;
    private final List<CoreSightComponent> components;
    private final MemAp memory;
    private final CortexMCore core;
    private final CortexMBreakpoints breakpoints;
    private final DwtWatchpoints watchpoints;
    private final CortexMFunctionCaller functionCaller;

    public CortexMConnection(DebugPort dp, List<AccessPortInfo> accessPorts, AccessPortInfo memoryAccessPort,
            MemAp memory, List<CoreSightComponent> components, Optional<ResetControl> resetControl,
            ArmConnectOptions options) {
        this.dp = dp;
        this.accessPorts = accessPorts;
        this.memoryAccessPort = memoryAccessPort;
        this.memory = memory;
        this.components = components;
        this.core = new CortexMCore(memory, dp, resetControl, options.timeout());
        Optional<CoreSightComponent> fpb = find(Role.FPB).or(() -> find(Role.BPU));
        this.breakpoints = new CortexMBreakpoints(memory,
                new FlashPatchUnit(memory, fpb.map(CoreSightComponent::address).orElse(Scs.DEFAULT_FPB)),
                core.type() == CortexMType.CORTEX_M7);
        Optional<CoreSightComponent> dwt = find(Role.DWT);
        boolean dwtVersion2 = dwt.map(c -> isDwtVersion2(c.devarch())).orElse(core.type().isArmV8M());
        this.watchpoints = new DwtWatchpoints(memory, dwt.map(CoreSightComponent::address).orElse(Scs.DEFAULT_DWT),
                dwtVersion2);
        core.setBreakpointLifter(breakpoints);
        this.functionCaller = new CortexMFunctionCaller(core);
        if (options.haltOnConnect()) {
            core.halt(options.timeout());
        }
    }

    private static boolean isDwtVersion2(int devarch) {
        int architecture = devarch & DWT_V2_DEVARCH_MASK;
        return architecture == 0x101A02 || architecture == 0x111A02;
    }

    private Optional<CoreSightComponent> find(Role role) {
        return components.stream().filter(component -> component.role() == role).findFirst();
    }

    @Override
    public int dpidr() {
        return dp.dpidr();
    }

    @Override
    public List<AccessPortInfo> accessPorts() {
        return accessPorts;
    }

    @Override
    public AccessPortInfo memoryAccessPort() {
        return memoryAccessPort;
    }

    @Override
    public List<CoreSightComponent> components() {
        return components;
    }

    @Override
    public int cpuid() {
        return core.cpuid();
    }

    @Override
    public CortexMType coreType() {
        return core.type();
    }

    @Override
    public MemoryInterface memory() {
        return memory;
    }

    @Override
    public CoreControl core() {
        return core;
    }

    @Override
    public BreakpointControl breakpoints() {
        return breakpoints;
    }

    @Override
    public WatchpointControl watchpoints() {
        return watchpoints;
    }

    @Override
    public FunctionCaller functionCaller() {
        return functionCaller;
    }

    @Override
    public void detach(boolean resume) {
        breakpoints.removeAllBreakpoints();
        watchpoints.removeAllWatchpoints();
        core.detach(resume);
    }

    @Override
    public void close() {
        try {
            detach(true);
        } catch (ProbeException targetGone) {
            // Closing must not fail because the target was unplugged or powered off.
        }
    }
}
