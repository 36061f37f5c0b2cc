package io.probehost.arch.arm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.api.TargetException;
import io.probehost.api.debug.Breakpoint;
import io.probehost.api.debug.BreakpointControl;
import io.probehost.api.debug.BreakpointKind;
import io.probehost.api.probe.WireProtocol;
import io.probehost.arch.arm.ArmConnectOptions;
import io.probehost.arch.arm.ArmDebugFactory;
import io.probehost.arch.arm.CortexMTarget;

class BreakpointTest {
    private static final long BPU = Scs.DEFAULT_FPB;

    private FakeCortexM target = new FakeCortexM(FakeCortexM.CPUID_M0);
    private FakeDap dap = new FakeDap(target);

    private CortexMTarget connect() {
        CortexMTarget connected = ArmDebugFactory.connect(dap, Optional.of(dap), Optional.of(dap), WireProtocol.SWD,
                ArmConnectOptions.defaults().withHaltOnConnect(true));
        dap.takeLog();
        return connected;
    }

    @Test
    void connectClearsAndEnablesTheM0BreakpointUnit() {
        BreakpointControl breakpoints = connect().breakpoints();

        assertEquals(4, breakpoints.hardwareBreakpointCount());
        assertEquals(3, target.words.get(BPU));
        assertEquals(0, target.words.get(BPU + 8));
    }

    @Test
    void hardwareBreakpointOnM0BpuUsesReplaceBitsForTheHalfword() {
        BreakpointControl breakpoints = connect().breakpoints();

        breakpoints.addBreakpoint(0x102, BreakpointKind.HARDWARE);
        breakpoints.addBreakpoint(0x1001, BreakpointKind.HARDWARE);

        assertEquals(List.of("W TAR 0xE0002008", "W DRW 0x80000101", "FLUSH",
                "W TAR 0xE000200C", "W DRW 0x40001001", "FLUSH"), dap.takeLog());
        assertEquals(List.of(new Breakpoint(0x102, BreakpointKind.HARDWARE),
                new Breakpoint(0x1000, BreakpointKind.HARDWARE)), breakpoints.breakpoints());
        assertEquals(2, breakpoints.freeHardwareBreakpoints());
    }

    @Test
    void hardwareBreakpointOutsideCodeRegionFailsOnFpbVersion1() {
        BreakpointControl breakpoints = connect().breakpoints();

        TargetException failure = assertThrows(TargetException.class,
                () -> breakpoints.addBreakpoint(0x20000100L, BreakpointKind.HARDWARE));

        assertEquals("hardware breakpoint at 0x20000100: the breakpoint unit covers 0x00000000-0x1FFFFFFF only "
                + "(FPBv1)", failure.getMessage());
    }

    @Test
    void hardwareBreakpointFailsWhenEveryComparatorIsUsed() {
        BreakpointControl breakpoints = connect().breakpoints();
        for (int i = 0; i < 4; i++) {
            breakpoints.addBreakpoint(0x100 + 4 * i, BreakpointKind.HARDWARE);
        }

        TargetException failure = assertThrows(TargetException.class,
                () -> breakpoints.addBreakpoint(0x200, BreakpointKind.HARDWARE));

        assertEquals("hardware breakpoint at 0x00000200: all 4 comparators are in use", failure.getMessage());
    }

    @Test
    void softwareBreakpointSavesAndRestoresTheHalfword() {
        BreakpointControl breakpoints = connect().breakpoints();
        target.words.put(0x20000100L, 0x46C04770);

        breakpoints.addBreakpoint(0x20000102L, BreakpointKind.SOFTWARE);
        int withBreakpoint = target.words.get(0x20000100L);
        boolean removed = breakpoints.removeBreakpoint(0x20000102L);

        assertEquals(0xBE004770, withBreakpoint);
        assertEquals(true, removed);
        assertEquals(0x46C04770, target.words.get(0x20000100L));
        assertEquals(List.of(), breakpoints.breakpoints());
    }

    @Test
    void autoBreakpointFallsBackToSoftwareOutsideTheCodeRegion() {
        BreakpointControl breakpoints = connect().breakpoints();

        Breakpoint inFlash = breakpoints.addBreakpoint(0x400, BreakpointKind.AUTO);
        Breakpoint inRam = breakpoints.addBreakpoint(0x20000000L, BreakpointKind.AUTO);

        assertEquals(BreakpointKind.HARDWARE, inFlash.kind());
        assertEquals(BreakpointKind.SOFTWARE, inRam.kind());
    }

    @Test
    void resumeStepsOverSoftwareBreakpointAtPcAndReinsertsIt() {
        CortexMTarget connected = connect();
        target.words.put(0x20000100L, 0x46C046C0);
        connected.breakpoints().addBreakpoint(0x20000100L, BreakpointKind.SOFTWARE);
        target.registers[15] = 0x20000100;

        connected.core().resume();

        assertEquals(0x20000102, target.registers[15]);
        assertEquals(CortexMBreakpoints.BKPT_INSTRUCTION, target.halfwordAt(0x20000100L));
        assertFalse(target.halted);
    }

    @Test
    void fpbVersion2BreakpointTakesAnyHalfwordAddress() {
        target = new FakeCortexM(FakeCortexM.CPUID_M33);
        dap = new FakeDap(target);
        dap.apIdrs = new int[] {0x14770005};
        BreakpointControl breakpoints = connect().breakpoints();

        breakpoints.addBreakpoint(0x20000102L, BreakpointKind.HARDWARE);

        assertEquals(8, breakpoints.hardwareBreakpointCount());
        assertEquals(0x20000103, target.words.get(BPU + 8));
    }
}
