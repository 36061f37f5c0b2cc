package io.probehost.arch.arm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.probehost.api.ProbeException;
import io.probehost.api.TargetException;
import io.probehost.api.debug.BreakpointKind;
import io.probehost.api.debug.WatchpointKind;
import io.probehost.api.probe.DapAccess;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeCapability;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.ResetControl;
import io.probehost.api.probe.SwjControl;
import io.probehost.api.probe.WireProtocol;
import io.probehost.arch.arm.AccessPortInfo;
import io.probehost.arch.arm.ArmConnectOptions;
import io.probehost.arch.arm.ArmDebugFactory;
import io.probehost.arch.arm.CortexMTarget;

class ArmDebugFactoryTest {
    private final FakeCortexM target = new FakeCortexM(FakeCortexM.CPUID_M0);
    private final FakeDap dap = new FakeDap(target);

    /** A probe whose capabilities are the fake DAP, or none. */
    private final class FakeProbe implements DebugProbe {
        final List<WireProtocol> connects = new ArrayList<>();
        final boolean offersDap;

        FakeProbe(boolean offersDap) {
            this.offersDap = offersDap;
        }

        @Override
        public ProbeDescription description() {
            return new ProbeDescription("fake", "F1", "Fake", "Probe", null, null, null, null);
        }

        @Override
        public Set<WireProtocol> supportedProtocols() {
            return EnumSet.of(WireProtocol.SWD);
        }

        @Override
        public void connect(WireProtocol protocol) {
            connects.add(protocol);
        }

        @Override
        public Optional<WireProtocol> protocol() {
            return connects.isEmpty() ? Optional.empty() : Optional.of(connects.get(connects.size() - 1));
        }

        @Override
        public void disconnect() {
            connects.clear();
        }

        @Override
        public long setClockHz(long clockHz) {
            return clockHz;
        }

        @Override
        public <C extends ProbeCapability> Optional<C> capability(Class<C> type) {
            boolean offered = offersDap && (type == DapAccess.class || type == SwjControl.class
                    || type == ResetControl.class);
            return offered ? Optional.of(type.cast(dap)) : Optional.empty();
        }

        @Override
        public void close() {
            connects.clear();
        }
    }

    @Test
    void connectFromProbeConnectsWireAndFindsCoreBehindFirstAp() {
        dap.apIdrs = new int[] {0x04770021, 0x02880000};
        FakeProbe probe = new FakeProbe(true);

        CortexMTarget connected = ArmDebugFactory.connect(probe, WireProtocol.SWD, ArmConnectOptions.defaults());

        assertEquals(List.of(WireProtocol.SWD), probe.connects);
        assertEquals(List.of(new AccessPortInfo(0, 0x04770021), new AccessPortInfo(1, 0x02880000)),
                connected.accessPorts());
        assertEquals(0, connected.memoryAccessPort().index());
        assertEquals(0x0BB11477, connected.dpidr());
        assertEquals("AP0 AHB3-AP (IDR 0x04770021)", connected.memoryAccessPort().toString());
    }

    @Test
    void connectFailsNamingProbeWithoutDapAccess() {
        ProbeException failure = assertThrows(ProbeException.class,
                () -> ArmDebugFactory.connect(new FakeProbe(false), WireProtocol.SWD, ArmConnectOptions.defaults()));

        assertEquals("Fake Probe offers no DAP register access; it cannot drive an ADIv5 debug port",
                failure.getMessage());
    }

    @Test
    void connectFailsWhenProbeLacksTheProtocol() {
        ProbeException failure = assertThrows(ProbeException.class,
                () -> ArmDebugFactory.connect(new FakeProbe(true), WireProtocol.JTAG, ArmConnectOptions.defaults()));

        assertEquals("Fake Probe does not support JTAG (it supports [SWD])", failure.getMessage());
    }

    @Test
    void chosenApMustBeAMemAp() {
        dap.apIdrs = new int[] {0x04770021, 0x02880000};

        TargetException failure = assertThrows(TargetException.class, () -> ArmDebugFactory.connect(dap,
                Optional.of(dap), Optional.empty(), WireProtocol.SWD, ArmConnectOptions.defaults().withApIndex(1)));

        assertEquals("AP1 AP (IDR 0x02880000) is not a MEM-AP", failure.getMessage());
    }

    @Test
    void connectFailsWhenNoApAnswers() {
        dap.apIdrs = new int[0];

        TargetException failure = assertThrows(TargetException.class, () -> ArmDebugFactory.connect(dap,
                Optional.of(dap), Optional.empty(), WireProtocol.SWD, ArmConnectOptions.defaults()));

        assertEquals("no access port found: IDR of AP0 reads 0 (DPIDR 0x0BB11477)", failure.getMessage());
    }

    @Test
    void detachRemovesBreakpointsAndWatchpointsAndLetsCoreRunWithoutDebug() {
        CortexMTarget connected = ArmDebugFactory.connect(dap, Optional.of(dap), Optional.empty(), WireProtocol.SWD,
                ArmConnectOptions.defaults().withHaltOnConnect(true));
        connected.breakpoints().addBreakpoint(0x100, BreakpointKind.HARDWARE);
        connected.watchpoints().addWatchpoint(0x20000000L, 4, WatchpointKind.WRITE);

        connected.detach(true);

        assertEquals(0, target.words.get(Scs.DEFAULT_FPB + 8));
        assertEquals(0, target.words.get(Scs.DEFAULT_DWT + 0x28));
        assertEquals(0, target.dhcsrControl);
        assertFalse(target.halted);
    }
}
