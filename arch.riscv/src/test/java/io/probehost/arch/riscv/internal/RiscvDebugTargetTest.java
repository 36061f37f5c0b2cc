package io.probehost.arch.riscv.internal;

import static io.probehost.arch.riscv.internal.LabGd32vf103.ADD;
import static io.probehost.arch.riscv.internal.LabGd32vf103.ADD_ENTRY;
import static io.probehost.arch.riscv.internal.LabGd32vf103.COUNTER;
import static io.probehost.arch.riscv.internal.LabGd32vf103.COUNTING_LOOP;
import static io.probehost.arch.riscv.internal.LabGd32vf103.EBREAK_TRAP;
import static io.probehost.arch.riscv.internal.LabGd32vf103.SRAM;
import static io.probehost.arch.riscv.internal.LabGd32vf103.TIMEOUT;
import static io.probehost.arch.riscv.internal.LabGd32vf103.words;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.api.TargetException;
import io.probehost.api.TransferFaultException;
import io.probehost.api.debug.BreakpointKind;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.FunctionCall;
import io.probehost.api.debug.FunctionCallException;
import io.probehost.api.debug.FunctionCallTimeoutException;
import io.probehost.api.debug.FunctionCaller;
import io.probehost.api.debug.HaltReason;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.debug.ResetType;
import io.probehost.api.debug.WatchpointKind;
import io.probehost.arch.riscv.internal.Dmi.Operation;
import io.probehost.sim.riscv.gd32vf103.Gd32vf103;

/** The RISC-V debug layers against the lab GD32VF103 through its JTAG DTM, pin by pin. */
class RiscvDebugTargetTest {

    private static void loadLoop(RiscvDebugTarget target) {
        MemoryInterface memory = target.memory();
        memory.write(SRAM, words(COUNTING_LOOP));
        memory.write32(COUNTER, 0);
        CoreControl core = target.core();
        core.writeRegister(core.register("a0").orElseThrow(), 0);
        core.writeRegister(core.register("pc").orElseThrow(), SRAM);
    }

    private static long reg(RiscvDebugTarget target, String name) {
        CoreControl core = target.core();
        return core.readRegister(core.register(name).orElseThrow());
    }

    private static void awaitHalt(CoreControl core) {
        assertTrue(Polling.holdsWithin(core::isHalted, TIMEOUT), "the hart halts");
    }

    @Test
    void connectsHaltedAndNamesTheCore() {
        try (LabGd32vf103 lab = new LabGd32vf103(); RiscvDebugTarget target = lab.connect()) {
            assertTrue(target.core().isHalted());
            assertEquals("RV32IMAC", target.core().coreName());
            assertEquals("RV32IMAC (lab JTAG DTM, Debug Module 0.13, program buffer 2 words + implicit ebreak)",
                    target.description());
            assertEquals(Optional.of(HaltReason.DEBUG_REQUEST), target.core().haltReason());
            assertEquals(0x4090_1105L, reg(target, "misa"));
        }
    }

    @Test
    void readsAndWritesRegistersByAbiNameXNameAndCsr() {
        try (LabGd32vf103 lab = new LabGd32vf103(); RiscvDebugTarget target = lab.connect()) {
            CoreControl core = target.core();
            core.writeRegister(core.register("x10").orElseThrow(), 0x1234_5678);
            core.writeRegister(core.register("s0").orElseThrow(), 0xCAFE_F00DL);
            core.writeRegister(core.register("mscratch").orElseThrow(), 0x55AA_55AAL);
            assertEquals(0x1234_5678L, reg(target, "a0"));
            assertEquals(0xCAFE_F00DL, reg(target, "fp"));
            assertArrayEquals(new long[] {0x1234_5678L, 0x55AA_55AAL}, core.readRegisters(
                    List.of(core.register("a0").orElseThrow(), core.register("mscratch").orElseThrow())));
            assertEquals(0, reg(target, "zero"));
            assertThrows(TargetException.class, () -> core.writeRegister(core.register("x0").orElseThrow(), 1));
            assertEquals(33 + 13, core.registers().size());
            long[] all = core.readRegisters(core.registers());
            assertEquals(0x4090_1105L, all[core.registers().indexOf(core.register("misa").orElseThrow())],
                    "every listed register reads in one batch");
        }
    }

    @Test
    void readsAndWritesMemoryOfAnyAlignmentAndSize() {
        try (LabGd32vf103 lab = new LabGd32vf103(); RiscvDebugTarget target = lab.connect()) {
            MemoryInterface memory = target.memory();
            byte[] data = new byte[301];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (i * 7 + 3);
            }
            memory.write(SRAM + 0x201, data);
            assertArrayEquals(data, memory.read(SRAM + 0x201, data.length));
            assertArrayEquals(data, lab.mcu.readRam(SRAM + 0x201, data.length));
            memory.write16(SRAM + 0x10, 0xBEEF);
            memory.write8(SRAM + 0x13, 0x5A);
            assertEquals(0x5A00_BEEF, memory.read32(SRAM + 0x10));
            assertEquals(0xBE, memory.read8(SRAM + 0x11));
            assertEquals(0x1906_0410, memory.read32(0xE004_2000L), "DBG_ID");
            assertFalse(target.memoryThroughProgramBuffer());
        }
    }

    @Test
    void fallsBackToTheProgramBufferWhenTheDebugModuleHasNoAccessMemory() {
        try (LabGd32vf103 lab = new LabGd32vf103();
                RiscvDebugTarget target = lab.connect(RiscvDebugTargetTest::withoutAccessMemory)) {
            MemoryInterface memory = target.memory();
            CoreControl core = target.core();
            core.writeRegister(core.register("s0").orElseThrow(), 0x1111_2222L);
            byte[] data = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
            memory.write(SRAM + 0x301, data);
            assertTrue(target.memoryThroughProgramBuffer());
            assertArrayEquals(data, memory.read(SRAM + 0x301, data.length));
            assertArrayEquals(data, lab.mcu.readRam(SRAM + 0x301, data.length));
            assertEquals(0x1111_2222L, reg(target, "s0"), "s0 restored after the program buffer used it");
            TransferFaultException fault = assertThrows(TransferFaultException.class, () -> memory.read32(0x6000_0000L));
            assertTrue(fault.getMessage().contains("0x60000000"), fault.getMessage());
        }
    }

    @Test
    void closesTheProgramWithAnExplicitEbreakWhenTheDebugModuleHasNoImplicitOne() {
        List<Operation> written = new java.util.ArrayList<>();
        try (LabGd32vf103 lab = new LabGd32vf103(); RiscvDebugTarget target = lab.connect(dmi -> {
            Dmi noAccessMemory = withoutAccessMemory(dmi);
            return operations -> {
                operations.stream().filter(o -> !o.read()).forEach(written::add);
                int[] values = noAccessMemory.run(operations);
                int reads = 0;
                for (Operation operation : operations) {
                    if (operation.read() && operation.address() == DebugModule.DMSTATUS) {
                        values[reads] &= ~DebugModule.DMSTATUS_IMPEBREAK;
                    }
                    reads += operation.read() ? 1 : 0;
                }
                return values;
            };
        })) {
            assertTrue(target.description().endsWith("program buffer 2 words)"), target.description());
            target.memory().write32(SRAM + 0x40, 0x1234_5678);
            assertEquals(0x1234_5678, target.memory().read32(SRAM + 0x40));
            assertTrue(written.contains(Operation.write(DebugModule.PROGBUF0 + 1, DebugModule.EBREAK)),
                    "ebreak after the store in the second program buffer word");
        }
    }

    @Test
    void listsOnlyTheCsrsTheHartHas() {
        try (LabGd32vf103 lab = new LabGd32vf103(); RiscvDebugTarget target = lab.connect(dmi -> operations ->
                dmi.run(operations.stream().map(o -> !o.read() && o.address() == DebugModule.COMMAND
                        && (o.value() & 0xFFFF) == 0x343 ? Operation.write(DebugModule.COMMAND, 0xFF00_0000) : o)
                        .toList()))) {
            List<String> names = target.core().registers().stream().map(r -> r.name()).toList();
            assertFalse(names.contains("mtval"), "a CSR the Debug Module refuses is not listed");
            assertTrue(names.containsAll(List.of("zero", "t6", "pc", "mstatus", "dcsr")), names.toString());
            assertEquals(33 + 12, names.size());
        }
    }

    /** A DMI on which an Access Memory command is an unknown command type (cmderr 2), as on a DM without it. */
    private static Dmi withoutAccessMemory(Dmi dmi) {
        return operations -> dmi.run(operations.stream().map(o -> !o.read() && o.address() == DebugModule.COMMAND
                && o.value() >>> 24 == 2 ? Operation.write(DebugModule.COMMAND, 0xFF00_0000) : o).toList());
    }

    @Test
    void reportsABusFaultWithItsAddress() {
        try (LabGd32vf103 lab = new LabGd32vf103(); RiscvDebugTarget target = lab.connect()) {
            TransferFaultException fault = assertThrows(TransferFaultException.class,
                    () -> target.memory().read(SRAM + Gd32vf103.SRAM_SIZE - 8, 16));
            assertTrue(fault.getMessage().contains(String.format("0x%08X", SRAM + Gd32vf103.SRAM_SIZE)),
                    fault.getMessage());
        }
    }

    @Test
    void runsStepsAndReadsMemoryWhileRunning() {
        try (LabGd32vf103 lab = new LabGd32vf103(); RiscvDebugTarget target = lab.connect()) {
            loadLoop(target);
            CoreControl core = target.core();
            core.step();
            assertEquals(SRAM + 4, reg(target, "pc"));
            assertEquals(Optional.of(HaltReason.STEP), core.haltReason());
            core.step();
            assertEquals(SRAM + 6, reg(target, "pc"), "a compressed instruction is 2 bytes");
            assertEquals(1, reg(target, "a0"));
            core.resume();
            assertFalse(core.isHalted());
            assertTrue(Polling.holdsWithin(() -> target.memory().read32(COUNTER) > 100, TIMEOUT));
            assertFalse(core.isHalted(), "a memory read halts and resumes a running hart");
            core.halt(TIMEOUT);
            assertEquals(Optional.of(HaltReason.DEBUG_REQUEST), core.haltReason());
        }
    }

    @Test
    void stopsAtHardwareAndSoftwareBreakpointsAndStepsOverThem() {
        try (LabGd32vf103 lab = new LabGd32vf103(); RiscvDebugTarget target = lab.connect()) {
            loadLoop(target);
            CoreControl core = target.core();
            assertEquals(Gd32vf103.TRIGGERS, target.breakpoints().hardwareBreakpointCount());
            target.breakpoints().addBreakpoint(SRAM + 0xC, BreakpointKind.HARDWARE);
            assertEquals(Gd32vf103.TRIGGERS - 1, target.breakpoints().freeHardwareBreakpoints());
            core.resume();
            awaitHalt(core);
            assertEquals(SRAM + 0xC, reg(target, "pc"));
            assertEquals(Optional.of(HaltReason.BREAKPOINT), core.haltReason());
            assertEquals(1, reg(target, "a0"));
            assertTrue(target.breakpoints().removeBreakpoint(SRAM + 0xC));

            target.breakpoints().addBreakpoint(SRAM + 4, BreakpointKind.SOFTWARE);
            assertEquals(RiscvBreakpoints.C_EBREAK, target.memory().read16(SRAM + 4), "c.ebreak over c.addi");
            target.breakpoints().addBreakpoint(SRAM + 8, BreakpointKind.SOFTWARE);
            assertEquals(RiscvBreakpoints.EBREAK, target.memory().read32(SRAM + 8), "ebreak over sw");
            core.resume();
            awaitHalt(core);
            assertEquals(SRAM + 4, reg(target, "pc"));
            assertEquals(Optional.of(HaltReason.BREAKPOINT), core.haltReason());
            core.resume();
            awaitHalt(core);
            assertEquals(SRAM + 8, reg(target, "pc"), "resumed over the c.ebreak, stopped at the ebreak");
            assertEquals(2, reg(target, "a0"));
            target.breakpoints().removeAllBreakpoints();
            assertArrayEquals(words(COUNTING_LOOP), target.memory().read(SRAM, 16), "the code is restored");
        }
    }

    @Test
    void stepsAndResumesOffAHardwareBreakpointItStandsOn() {
        try (LabGd32vf103 lab = new LabGd32vf103(); RiscvDebugTarget target = lab.connect()) {
            loadLoop(target);
            CoreControl core = target.core();
            target.breakpoints().addBreakpoint(SRAM + 8, BreakpointKind.HARDWARE);
            core.resume();
            awaitHalt(core);
            assertEquals(SRAM + 8, reg(target, "pc"));
            assertEquals(1, reg(target, "a0"));
            core.step();
            assertEquals(SRAM + 0xC, reg(target, "pc"), "the step leaves the breakpoint's instruction");
            assertEquals(1, target.memory().read32(COUNTER), "and runs it: the sw stored a0");
            core.resume();
            awaitHalt(core);
            assertEquals(SRAM + 8, reg(target, "pc"), "the breakpoint is set again");
            assertEquals(2, reg(target, "a0"));
            core.resume();
            awaitHalt(core);
            assertEquals(SRAM + 8, reg(target, "pc"));
            assertEquals(3, reg(target, "a0"), "resumed off the breakpoint, one more turn");
            assertEquals(Gd32vf103.TRIGGERS - 1, target.breakpoints().freeHardwareBreakpoints());
        }
    }

    @Test
    void refusesASoftwareBreakpointInFlash() {
        try (LabGd32vf103 lab = new LabGd32vf103(); RiscvDebugTarget target = lab.connect()) {
            TargetException error = assertThrows(TargetException.class,
                    () -> target.breakpoints().addBreakpoint(Gd32vf103.FLASH_BASE + 0x100, BreakpointKind.SOFTWARE));
            assertTrue(error.getMessage().contains("use a hardware breakpoint"), error.getMessage());
        }
    }

    @Test
    void stopsAtAStoreWatchpoint() {
        try (LabGd32vf103 lab = new LabGd32vf103(); RiscvDebugTarget target = lab.connect()) {
            loadLoop(target);
            CoreControl core = target.core();
            target.watchpoints().addWatchpoint(COUNTER, 4, WatchpointKind.WRITE);
            core.resume();
            awaitHalt(core);
            assertEquals(Optional.of(HaltReason.WATCHPOINT), core.haltReason());
            assertEquals(SRAM + 8, reg(target, "pc"), "halted before the store (timing 0)");
            assertEquals(0, target.memory().read32(COUNTER));
            assertTrue(target.watchpoints().removeWatchpoint(COUNTER));
            assertEquals(Gd32vf103.TRIGGERS, target.breakpoints().freeHardwareBreakpoints());
        }
    }

    @Test
    void callsAFunctionWithArgumentsAndAReturnTrap() {
        try (LabGd32vf103 lab = new LabGd32vf103(); RiscvDebugTarget target = lab.connect()) {
            target.memory().write(ADD_ENTRY, words(ADD));
            target.memory().write32(EBREAK_TRAP, RiscvBreakpoints.EBREAK);
            FunctionCaller caller = target.capability(FunctionCaller.class).orElseThrow();
            assertEquals(8, caller.maxArguments());
            long sum = caller.call(FunctionCall.of("add", ADD_ENTRY, EBREAK_TRAP, 5, 37)
                    .withStackPointer(SRAM + 0x1000).withStaticBase(SRAM + 0x800), Duration.ofSeconds(2));
            assertEquals(42, sum);
            assertEquals(SRAM + 0x1000, reg(target, "sp"));
            assertEquals(SRAM + 0x800, reg(target, "gp"));
        }
    }

    @Test
    void haltsAndReportsACallThatDoesNotReturnOrStopsElsewhere() {
        try (LabGd32vf103 lab = new LabGd32vf103(); RiscvDebugTarget target = lab.connect()) {
            long spin = SRAM + 0x200;
            long stray = SRAM + 0x240;
            target.memory().write32(spin, 0x0000_006F); // j .
            target.memory().write32(stray, RiscvBreakpoints.EBREAK);
            target.memory().write32(EBREAK_TRAP, RiscvBreakpoints.EBREAK);
            FunctionCaller caller = target.capability(FunctionCaller.class).orElseThrow();
            FunctionCallTimeoutException timeout = assertThrows(FunctionCallTimeoutException.class,
                    () -> caller.call(FunctionCall.of("spin", spin, EBREAK_TRAP), Duration.ofMillis(300)));
            assertEquals(spin, timeout.stoppedAt(), timeout.getMessage());
            assertTrue(target.core().isHalted(), "the call that did not return was halted");
            FunctionCallException elsewhere = assertThrows(FunctionCallException.class,
                    () -> caller.call(FunctionCall.of("stray", stray, EBREAK_TRAP), Duration.ofSeconds(2)));
            assertEquals(stray, elsewhere.stoppedAt(), elsewhere.getMessage());
        }
    }

    @Test
    void resetsAndHaltsThroughTheGd32Dbg() {
        try (LabGd32vf103 lab = new LabGd32vf103(); RiscvDebugTarget target = lab.connect()) {
            CoreControl core = target.core();
            core.writeRegister(core.register("s1").orElseThrow(), 0x5A5A_5A5AL);
            core.resetAndHalt(ResetType.SYSRESETREQ, TIMEOUT);
            assertTrue(core.isHalted());
            assertEquals(0, reg(target, "pc"), "the reset vector: flash aliased at 0");
            assertEquals(0, reg(target, "s1"), "the hart was reset");
            assertEquals(Optional.of(HaltReason.VECTOR_CATCH), core.haltReason());
            core.reset(ResetType.SYSRESETREQ);
            assertFalse(core.isHalted());
        }
    }
}
