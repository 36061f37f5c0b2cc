package io.probehost.arch.riscv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeException;
import io.probehost.api.option.OptionDescriptor;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.WireProtocol;
import io.probehost.api.target.CoreDescription;
import io.probehost.api.target.TargetDescription;

/** Which targets the RISC-V connector takes, over which wire, and what it refuses. */
class RiscvTargetConnectorTest {
    private final RiscvTargetConnector connector = new RiscvTargetConnector();

    private static TargetDescription target(String type, String architecture) {
        return new TargetDescription("t", "v", "f", List.of(new CoreDescription("core0", type, architecture, 0)),
                List.of(), List.of(), "");
    }

    @Test
    void takesRiscvCoresOnlyAndLeavesUnknownTargetsToArm() {
        assertTrue(connector.supports(Optional.of(target("rv32imac", "riscv"))));
        assertTrue(connector.supports(Optional.of(target("RV32IMAC", ""))), "a core type that names RISC-V");
        assertFalse(connector.supports(Optional.of(target("Cortex-M0", "armv6m"))));
        assertFalse(connector.supports(Optional.empty()));
        assertEquals("riscv", connector.architecture());
        assertEquals(List.of(WireProtocol.JTAG), connector.protocols());
    }

    @Test
    void refusesSwdAndAnUnknownConnectMode() {
        try (ProbeBench bench = new ProbeBench(ProbeBench.Kind.CMSIS_DAP); DebugProbe probe = bench.open()) {
            Optional<TargetDescription> gd32 = Optional.of(ProbeBench.gd32vf103cb());
            ProbeException swd = assertThrows(ProbeException.class,
                    () -> connector.connect(probe, WireProtocol.SWD, SessionOptions.defaults(), gd32));
            assertEquals("RISC-V targets are debugged over JTAG, not SWD", swd.getMessage());
            SessionOptions unknownMode = new SessionOptions() {
                @Override
                @SuppressWarnings("unchecked")
                public <T> T get(OptionDescriptor<T> option) {
                    return option.name().equals("connect_mode") ? (T) "sideways"
                            : SessionOptions.defaults().get(option);
                }
            };
            ProbeException mode = assertThrows(ProbeException.class,
                    () -> connector.connect(probe, WireProtocol.JTAG, unknownMode, gd32));
            assertTrue(mode.getMessage().startsWith("connect_mode 'sideways' is not one of"), mode.getMessage());
        }
    }
}
