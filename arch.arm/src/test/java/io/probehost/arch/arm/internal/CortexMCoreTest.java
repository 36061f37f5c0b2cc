package io.probehost.arch.arm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.api.TargetException;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.CoreRegister;
import io.probehost.api.debug.HaltReason;
import io.probehost.api.debug.ResetType;
import io.probehost.api.probe.WireProtocol;
import io.probehost.arch.arm.ArmConnectOptions;
import io.probehost.arch.arm.ArmDebugFactory;
import io.probehost.arch.arm.CortexMTarget;
import io.probehost.arch.arm.CortexMType;

class CortexMCoreTest {
    private static final Duration SHORT = Duration.ofMillis(20);

    private final FakeCortexM target = new FakeCortexM(FakeCortexM.CPUID_M0);
    private final FakeDap dap = new FakeDap(target);

    private CortexMTarget connect() {
        CortexMTarget connected = ArmDebugFactory.connect(dap, Optional.of(dap), Optional.of(dap), WireProtocol.SWD,
                ArmConnectOptions.defaults().withTimeout(SHORT));
        dap.takeLog();
        return connected;
    }

    private CoreControl haltedCore() {
        CoreControl core = connect().core();
        core.halt(SHORT);
        dap.takeLog();
        return core;
    }

    private static CoreRegister named(CoreControl core, String name) {
        return core.register(name).orElseThrow();
    }

    @Test
    void connectNamesCortexM0AndEnablesDebug() {
        CortexMTarget connected = connect();

        assertEquals(CortexMType.CORTEX_M0, connected.coreType());
        assertEquals("Cortex-M0", connected.core().coreName());
        assertEquals(Scs.C_DEBUGEN, target.dhcsrControl);
    }

    @Test
    void haltWritesKeyedDhcsrAndPollsSHalt() {
        CoreControl core = connect().core();

        core.halt(SHORT);

        assertEquals(List.of(
                "W TAR 0xE000EDF0", "W DRW 0xA05F0003",
                "W TAR 0xE000EDF0", "R DRW"), dap.takeLog());
        assertEquals(Optional.of(HaltReason.DEBUG_REQUEST), core.haltReason());
    }

    @Test
    void haltFailsNamingDhcsrWhenCoreNeverHalts() {
        CoreControl core = connect().core();
        target.ignoresHalt = true;

        TargetException failure = assertThrows(TargetException.class, () -> core.halt(SHORT));

        assertEquals("Cortex-M0 did not halt after a halt request within 20 ms (DHCSR 0x00010003)",
                failure.getMessage());
    }

    @Test
    void stepMasksInterruptsWhileHaltedAndUnmasksAfterwards() {
        CoreControl core = haltedCore();
        target.registers[15] = 0x100;

        core.step();

        List<String> writes = dap.takeLog().stream().filter(line -> line.startsWith("W DRW 0xA05F")).toList();
        assertEquals(List.of("W DRW 0xA05F000B", "W DRW 0xA05F000D", "W DRW 0xA05F0003"), writes);
        assertEquals(0x102, target.registers[15]);
        assertEquals(Optional.of(HaltReason.STEP), core.haltReason());
    }

    @Test
    void registerReadSelectsInDcrsrThenReadsDhcsrAndDcrdrThroughBankedRegisters() {
        CoreControl core = haltedCore();
        target.registers[15] = 0x1F4;

        long pc = core.readRegister(named(core, "pc"));

        assertEquals(0x1F4, pc);
        assertEquals(List.of(
                "W TAR 0xE000EDF0", "W SELECT 0x00000010",
                "W BD1 0x0000000F", "R BD0", "R BD2"), dap.takeLog());
    }

    @Test
    void registerWritePutsValueInDcrdrThenSelectsWithWriteBit() {
        CoreControl core = haltedCore();

        core.writeRegister(named(core, "R3"), 0xCAFEF00DL);

        assertEquals(0xCAFEF00D, target.registers[3]);
        assertEquals(List.of(
                "W TAR 0xE000EDF8", "W DRW 0xCAFEF00D",
                "W TAR 0xE000EDF4", "W DRW 0x00010003",
                "W TAR 0xE000EDF0", "R DRW"), dap.takeLog());
    }

    @Test
    void readRegistersQueuesEverySelectionBeforeCollectingValues() {
        CoreControl core = haltedCore();
        target.registers[0] = 0x11;
        target.registers[0x14] = 0x00000001;

        long[] values = core.readRegisters(List.of(named(core, "R0"), named(core, "PRIMASK")));

        assertEquals(0x11, values[0]);
        assertEquals(1, values[1]);
        assertEquals(List.of(
                "W TAR 0xE000EDF0", "W SELECT 0x00000010",
                "W BD1 0x00000000", "R BD0", "R BD2",
                "W BD1 0x00000014", "R BD0", "R BD2"), dap.takeLog());
    }

    @Test
    void resetFailsWhenDhcsrNeverShowsReset() {
        CoreControl core = connect().core();
        target.ignoresResetRequest = true;

        TargetException failure = assertThrows(TargetException.class, () -> core.reset(ResetType.SYSRESETREQ));

        assertEquals("no reset seen: DHCSR.S_RESET_ST stayed 0 for 20 ms after SYSRESETREQ", failure.getMessage());
    }

    @Test
    void registerReadFailsNamingRegisterWhenRegRdyStaysClear() {
        CoreControl core = haltedCore();
        target.registersReady = false;

        TargetException failure = assertThrows(TargetException.class, () -> core.readRegister(named(core, "PC")));

        assertEquals("register PC read timed out: DHCSR.S_REGRDY stayed 0 for 20 ms (DHCSR 0x00020003)",
                failure.getMessage());
    }

    @Test
    void registerReadFailsWhenCoreIsRunning() {
        CoreControl core = connect().core();

        TargetException failure = assertThrows(TargetException.class, () -> core.readRegister(named(core, "R0")));

        assertEquals("cannot read register R0: Cortex-M0 is running (halt it first)", failure.getMessage());
    }

    @Test
    void primaskWriteKeepsTheOtherPackedBytes() {
        CoreControl core = haltedCore();
        target.registers[0x14] = 0x02000000;

        core.writeRegister(named(core, "PRIMASK"), 1);

        assertEquals(0x02000001, target.registers[0x14]);
        assertEquals(2, core.readRegister(named(core, "CONTROL")));
    }

    @Test
    void registerListHasBasepriAndFaultmaskOnlyOnMainlineCores() {
        CoreControl m0 = connect().core();
        FakeDap m4 = new FakeDap(new FakeCortexM(FakeCortexM.CPUID_M4));
        m4.apIdrs = new int[] {0x24770011};
        CoreControl m4Core = ArmDebugFactory.connect(m4, Optional.of(m4), Optional.empty(), WireProtocol.SWD,
                ArmConnectOptions.defaults()).core();

        assertEquals(21, m0.registers().size());
        assertFalse(m0.register("BASEPRI").isPresent());
        assertEquals(23, m4Core.registers().size());
        assertTrue(m4Core.register("FAULTMASK").isPresent());
        assertEquals("Cortex-M4", m4Core.coreName());
    }

    @Test
    void registerListHasFpscrAndSingleRegistersWhenMvfr0ShowsAnFpu() {
        FakeCortexM m4f = new FakeCortexM(FakeCortexM.CPUID_M4);
        m4f.words.put(Scs.MVFR0, 0x10110021);
        m4f.registers[0x45] = 0x3F800000;
        FakeDap m4fDap = new FakeDap(m4f);
        m4fDap.apIdrs = new int[] {0x24770011};
        CoreControl core = ArmDebugFactory.connect(m4fDap, Optional.of(m4fDap), Optional.empty(), WireProtocol.SWD,
                ArmConnectOptions.defaults().withHaltOnConnect(true)).core();

        assertEquals(23 + 33, core.registers().size());
        assertEquals(0x3F800000, core.readRegister(named(core, "s5")));
        assertEquals(new CoreRegister("FPSCR", 0x21, 32), named(core, "FPSCR"));
    }

    @Test
    void resetAndHaltCatchesResetVectorThenRestoresDemcr() {
        CortexMTarget connected = connect();
        int demcrBefore = target.words.get(Scs.DEMCR);

        connected.core().resetAndHalt(ResetType.SYSRESETREQ, SHORT);

        List<String> log = dap.takeLog();
        assertTrue(log.contains("W DRW 0x05FA0004"), "AIRCR SYSRESETREQ with VECTKEY: " + log);
        assertTrue(log.indexOf("W DRW " + String.format("0x%08X", demcrBefore | 1))
                < log.indexOf("W DRW 0x05FA0004"), "vector catch set before the reset: " + log);
        assertEquals(1, target.resetCount);
        assertTrue(target.halted);
        assertEquals(demcrBefore, target.words.get(Scs.DEMCR));
        assertEquals(Optional.of(HaltReason.VECTOR_CATCH), connected.core().haltReason());
        assertEquals(0xC0, connected.core().readRegister(named(connected.core(), "PC")));
    }

    @Test
    void resetRunsFromTheResetVectorWhenTheCoreSatOnABreakpoint() {
        CoreControl core = haltedCore();
        long pc = core.readRegister(named(core, "PC"));
        target.words.put(pc & ~3L, (int) (CortexMBreakpoints.BKPT_INSTRUCTION | CortexMBreakpoints.BKPT_INSTRUCTION << 16));

        core.reset(ResetType.SYSRESETREQ);

        assertEquals(1, target.resetCount);
        assertFalse(core.isHalted(), "the core runs from the reset vector after a plain reset");
    }

    @Test
    void hardwareResetPulsesNresetAndLetsCoreRun() {
        CoreControl core = haltedCore();

        core.reset(ResetType.HARDWARE);

        List<String> log = dap.takeLog();
        assertTrue(log.indexOf("nRESET low") < log.indexOf("nRESET high"), log.toString());
        assertFalse(core.isHalted());
        assertEquals(Optional.empty(), core.haltReason());
    }

    @Test
    void hardwareResetFailsWithoutNresetControl() {
        CoreControl core = ArmDebugFactory.connect(dap, Optional.of(dap), Optional.empty(), WireProtocol.SWD,
                ArmConnectOptions.defaults()).core();

        TargetException failure = assertThrows(TargetException.class, () -> core.reset(ResetType.HARDWARE));

        assertEquals("hardware reset needs a probe that drives nRESET", failure.getMessage());
    }

    @Test
    void resumeClearsDfsrAndLeavesDebugEnabled() {
        CoreControl core = haltedCore();

        core.resume();

        assertFalse(target.halted);
        assertEquals(0, target.dfsr);
        assertEquals(Scs.C_DEBUGEN, target.dhcsrControl);
    }
}
