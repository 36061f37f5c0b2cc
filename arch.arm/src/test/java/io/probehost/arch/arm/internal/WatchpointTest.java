package io.probehost.arch.arm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.api.TargetException;
import io.probehost.api.debug.Watchpoint;
import io.probehost.api.debug.WatchpointControl;
import io.probehost.api.debug.WatchpointKind;
import io.probehost.api.probe.WireProtocol;
import io.probehost.arch.arm.ArmConnectOptions;
import io.probehost.arch.arm.ArmDebugFactory;

class WatchpointTest {
    private static final long DWT = Scs.DEFAULT_DWT;

    private WatchpointControl connect(FakeDap dap) {
        WatchpointControl watchpoints = ArmDebugFactory.connect(dap, Optional.of(dap), Optional.empty(),
                WireProtocol.SWD, ArmConnectOptions.defaults()).watchpoints();
        dap.takeLog();
        return watchpoints;
    }

    @Test
    void connectEnablesTraceAndCountsComparators() {
        FakeCortexM target = new FakeCortexM(FakeCortexM.CPUID_M0);

        WatchpointControl watchpoints = connect(new FakeDap(target));

        assertEquals(2, watchpoints.watchpointCount());
        assertTrue((target.words.get(Scs.DEMCR) & Scs.DEMCR_TRCENA) != 0);
    }

    @Test
    void dwtVersion1WatchpointWritesMaskThenCompThenFunction() {
        FakeDap dap = new FakeDap(new FakeCortexM(FakeCortexM.CPUID_M0));
        WatchpointControl watchpoints = connect(dap);

        watchpoints.addWatchpoint(0x20000010L, 4, WatchpointKind.WRITE);

        assertEquals(List.of(
                "W TAR 0xE0001024", "W DRW 0x00000002",
                "W TAR 0xE0001024", "R DRW",
                "W TAR 0xE0001020", "W DRW 0x20000010",
                "W TAR 0xE0001028", "W DRW 0x00000006", "FLUSH"), dap.takeLog());
        assertEquals(List.of(new Watchpoint(0x20000010L, 4, WatchpointKind.WRITE)), watchpoints.watchpoints());
    }

    @Test
    void dwtVersion2WatchpointEncodesSizeActionAndMatch() {
        FakeCortexM target = new FakeCortexM(FakeCortexM.CPUID_M33);
        FakeDap dap = new FakeDap(target);
        dap.apIdrs = new int[] {0x14770005};
        WatchpointControl watchpoints = connect(dap);

        watchpoints.addWatchpoint(0x20000010L, 4, WatchpointKind.WRITE);
        watchpoints.addWatchpoint(0x20000021L, 1, WatchpointKind.READ);

        assertEquals(0x815, target.words.get(DWT + 0x28));
        assertEquals(0x016, target.words.get(DWT + 0x38));
        assertEquals(0x20000021, target.words.get(DWT + 0x30));
    }

    @Test
    void removingWatchpointDisablesItsFunction() {
        FakeCortexM target = new FakeCortexM(FakeCortexM.CPUID_M0);
        WatchpointControl watchpoints = connect(new FakeDap(target));
        watchpoints.addWatchpoint(0x20000010L, 2, WatchpointKind.ACCESS);

        assertEquals(7, target.words.get(DWT + 0x28));
        assertTrue(watchpoints.removeWatchpoint(0x20000010L));
        assertEquals(0, target.words.get(DWT + 0x28));
        assertEquals(List.of(), watchpoints.watchpoints());
    }

    @Test
    void misalignedWatchpointFailsNamingAddress() {
        WatchpointControl watchpoints = connect(new FakeDap(new FakeCortexM(FakeCortexM.CPUID_M0)));

        TargetException failure = assertThrows(TargetException.class,
                () -> watchpoints.addWatchpoint(0x20000002L, 4, WatchpointKind.READ));

        assertEquals("watchpoint at 0x20000002: address is not aligned to its size 4", failure.getMessage());
    }

    @Test
    void watchpointFailsWhenEveryComparatorIsUsed() {
        WatchpointControl watchpoints = connect(new FakeDap(new FakeCortexM(FakeCortexM.CPUID_M0)));
        watchpoints.addWatchpoint(0x20000000L, 4, WatchpointKind.READ);
        watchpoints.addWatchpoint(0x20000004L, 4, WatchpointKind.READ);

        TargetException failure = assertThrows(TargetException.class,
                () -> watchpoints.addWatchpoint(0x20000008L, 4, WatchpointKind.READ));

        assertEquals("watchpoint at 0x20000008: all 2 DWT comparators are in use", failure.getMessage());
    }
}
