package io.probehost.arch.riscv.internal;

import static io.probehost.arch.riscv.internal.LabGd32vf103.COUNTER;
import static io.probehost.arch.riscv.internal.LabGd32vf103.COUNTING_LOOP;
import static io.probehost.arch.riscv.internal.LabGd32vf103.SRAM;
import static io.probehost.arch.riscv.internal.LabGd32vf103.TIMEOUT;
import static io.probehost.arch.riscv.internal.LabGd32vf103.words;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.probehost.api.debug.BreakpointKind;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.HaltReason;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.debug.ResetType;
import io.probehost.api.debug.WatchpointKind;
import io.probehost.api.jtag.JtagChain;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.JtagSequencer;
import io.probehost.api.probe.WireProtocol;
import io.probehost.api.target.TargetDescription;
import io.probehost.sim.riscv.gd32vf103.Gd32vf103;

/**
 * The real probe drivers in JTAG mode against the lab's emulators, in front of a virtual GD32VF103:
 * the CMSIS-DAP driver's {@link JtagSequencer} (DAP_JTAG_Sequence) and the J-Link's (HW_JTAG3) under
 * this bundle's connector, as a session connects the pack's gd32vf103cb.
 */
class ProbeEndToEndTest {
    private static final TargetDescription GD32VF103CB = ProbeBench.gd32vf103cb();

    @ParameterizedTest
    @EnumSource(ProbeBench.Kind.class)
    void readsTheDtmIdcodeThroughTheProbesJtagSequencer(ProbeBench.Kind kind) {
        try (ProbeBench bench = new ProbeBench(kind); DebugProbe probe = bench.open()) {
            probe.connect(WireProtocol.JTAG);
            JtagSequencer sequencer = probe.capability(JtagSequencer.class).orElseThrow();
            assertEquals(List.of(Gd32vf103.JTAG_IDCODE), JtagChain.readIdcodes(sequencer));
        }
    }

    @ParameterizedTest
    @EnumSource(ProbeBench.Kind.class)
    void debugsTheVirtualGd32vf103OverJtag(ProbeBench.Kind kind) {
        RiscvTargetConnector connector = new RiscvTargetConnector();
        assertTrue(connector.supports(Optional.of(GD32VF103CB)));
        try (ProbeBench bench = new ProbeBench(kind); DebugProbe probe = bench.open();
                DebugTarget target = connector.connect(probe, WireProtocol.JTAG, SessionOptions.defaults(),
                        Optional.of(GD32VF103CB))) {
            assertTrue(target.description().startsWith("RV32IMAC (JTAG DTM IDCODE 0x1000563D"), target.description());
            CoreControl core = target.core();
            assertTrue(core.isHalted());
            MemoryInterface memory = target.memory();
            assertEquals(Gd32vf103.DBG_ID, memory.read32(0xE004_2000L));
            memory.write(SRAM, words(COUNTING_LOOP));
            memory.write32(COUNTER, 0);
            assertArrayEquals(words(COUNTING_LOOP), bench.mcu.readRam(SRAM, 16));
            core.writeRegister(core.register("a0").orElseThrow(), 0);
            core.writeRegister(core.register("pc").orElseThrow(), SRAM);
            core.step();
            core.step();
            assertEquals(SRAM + 6, read(core, "pc"));
            assertEquals(1, read(core, "x10"));

            target.breakpoints().addBreakpoint(SRAM + 0xC, BreakpointKind.HARDWARE);
            core.resume();
            awaitHalt(core);
            assertEquals(SRAM + 0xC, read(core, "pc"));
            assertEquals(Optional.of(HaltReason.BREAKPOINT), core.haltReason());
            target.breakpoints().removeBreakpoint(SRAM + 0xC);

            target.breakpoints().addBreakpoint(SRAM + 4, BreakpointKind.SOFTWARE);
            core.resume();
            awaitHalt(core);
            assertEquals(SRAM + 4, read(core, "pc"));
            assertEquals(1, memory.read32(COUNTER));
            target.breakpoints().removeBreakpoint(SRAM + 4);

            target.watchpoints().addWatchpoint(COUNTER, 4, WatchpointKind.WRITE);
            core.resume();
            awaitHalt(core);
            assertEquals(Optional.of(HaltReason.WATCHPOINT), core.haltReason());
            assertEquals(SRAM + 8, read(core, "pc"));
            target.watchpoints().removeWatchpoint(COUNTER);

            core.resume();
            assertTrue(Polling.holdsWithin(() -> memory.read32(COUNTER) > 1000, TIMEOUT), "the loop runs on");
            core.resetAndHalt(ResetType.SYSRESETREQ, TIMEOUT);
            assertEquals(0, read(core, "pc"), "halted at the reset vector");
            assertEquals(Optional.of(HaltReason.VECTOR_CATCH), core.haltReason());
        }
    }

    @ParameterizedTest
    @EnumSource(ProbeBench.Kind.class)
    void resetsThroughTheProbesResetLineAndHaltsAtTheResetVector(ProbeBench.Kind kind) {
        try (ProbeBench bench = new ProbeBench(kind); DebugProbe probe = bench.open();
                DebugTarget target = new RiscvTargetConnector().connect(probe, WireProtocol.JTAG,
                        SessionOptions.defaults(), Optional.of(GD32VF103CB))) {
            CoreControl core = target.core();
            core.writeRegister(core.register("s1").orElseThrow(), 0x5A5A_5A5AL);
            core.resetAndHalt(ResetType.HARDWARE, TIMEOUT);
            assertEquals(0, read(core, "pc"));
            assertEquals(0, read(core, "s1"), "the pin reset the hart");
            assertEquals(Optional.of(HaltReason.VECTOR_CATCH), core.haltReason());
        }
    }

    private static long read(CoreControl core, String name) {
        return core.readRegister(core.register(name).orElseThrow());
    }

    private static void awaitHalt(CoreControl core) {
        assertTrue(Polling.holdsWithin(core::isHalted, TIMEOUT), "the hart halts");
    }
}
