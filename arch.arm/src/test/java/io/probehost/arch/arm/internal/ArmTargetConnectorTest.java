package io.probehost.arch.arm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeException;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.option.OptionDescriptor;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DapAccess;
import io.probehost.api.probe.ResetControl;
import io.probehost.api.probe.SwjControl;
import io.probehost.api.probe.WireProtocol;
import io.probehost.api.target.CoreDescription;
import io.probehost.api.target.TargetDescription;

class ArmTargetConnectorTest {
    private final FakeCortexM cortex = new FakeCortexM(FakeCortexM.CPUID_M0);
    private final FakeDap dap = new FakeDap(cortex);
    private final ArmTargetConnector connector = new ArmTargetConnector();

    {
        dap.apIdrs = new int[] {0x04770021};
    }

    private static TargetDescription target(String architecture) {
        return new TargetDescription("part", "Vendor", "Family",
                List.of(new CoreDescription("core0", "core", architecture, 0)), List.of(), List.of(), "");
    }

    private static SessionOptions options(Map<String, String> values) {
        return new SessionOptions() {
            @Override
            public <T> T get(OptionDescriptor<T> option) {
                String value = values.get(option.name());
                return value == null ? option.defaultValue() : option.convert(value);
            }
        };
    }

    private DebugTarget connect(Map<String, String> values) {
        return connector.connect(new FakeSwdProbe("F1", "Probe",
                Map.of(DapAccess.class, dap, SwjControl.class, dap, ResetControl.class, dap)), WireProtocol.SWD, options(values), Optional.empty());
    }

    @Test
    void supportsArmCoresAndUnknownTargetsButNotOthers() {
        assertEquals("arm", connector.architecture());
        assertTrue(connector.supports(Optional.empty()));
        assertTrue(connector.supports(Optional.of(target("armv6m"))));
        assertTrue(connector.supports(Optional.of(target("armv8m"))));
        assertFalse(connector.supports(Optional.of(target("riscv"))));
    }

    @Test
    void haltModeHaltsTheCoreAndDescribesIt() {
        DebugTarget connected = connect(Map.of());
        assertTrue(cortex.halted);
        assertTrue(connected.core().isHalted());
        assertEquals("Cortex-M0 r0p0 (DPIDR 0x0BB11477, AP0 AHB3-AP (IDR 0x04770021))", connected.description());
    }

    @Test
    void attachModeLeavesTheCoreRunning() {
        connect(Map.of("connect_mode", "attach"));
        assertFalse(cortex.halted);
    }

    @Test
    void unknownConnectModeIsRefusedNamingTheChoices() {
        ProbeException refused = assertThrows(ProbeException.class, () -> connect(Map.of("connect_mode", "sideways")));
        assertEquals("connect_mode 'sideways' is not one of halt, pre-reset, under-reset, attach", refused.getMessage());
    }

    @Test
    void closeResumesTheCoreUnlessResumeOnDisconnectIsOff() {
        connect(Map.of()).close();
        assertFalse(cortex.halted);

        connect(Map.of("resume_on_disconnect", "false")).close();
        assertTrue(cortex.halted);
    }

    @Test
    void modeNamesAcceptPyocdSpelling() {
        assertEquals("pre_reset", ArmTargetConnector.normalise("Pre-Reset"));
        assertEquals("under_reset", ArmTargetConnector.normalise("under_reset"));
    }
}
