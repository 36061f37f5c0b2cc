package io.probehost.sim.mcu.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.bench.CortexMTestMachine;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Debug events on ARMv7-M as its pseudocode and the DEMCR description give them: the DebugMonitor
 * exception (MON_EN, MON_PEND, MON_STEP; BKPT and DWT matches with halting debug off) and every
 * DEMCR vector catch, each halting with DFSR.VCATCH before the first handler instruction.
 */
class Armv7mDebugEventTest {
    private static final int DEMCR = 0xE000_EDFC;
    private static final int SHCSR = 0xE000_ED24;
    private static final int SHPR3 = 0xE000_ED20;
    private static final int CCR = 0xE000_ED14;
    private static final int SHCSR_ALL_FAULTS = 7 << 16;
    private static final int BKPT = 0xBE00;
    private static final int NOP = 0xBF00;

    private static M3Bench started(M3Bench bench, int... code) {
        Object[] items = new Object[code.length + 1];
        for (int i = 0; i < code.length; i++) {
            items[i] = code[i];
        }
        items[code.length] = M3Bench.LOOP;
        return bench.at(M3Bench.RESET, items).start();
    }

    private static int stackedPc(M3Bench bench) {
        return bench.word(bench.regs.msp() + 24);
    }

    @Test
    void bkptWithMonitorEnabledTakesDebugMonitorAtTheBkpt() {
        M3Bench bench = started(new M3Bench(), NOP, BKPT);
        bench.write(DEMCR, DebugState.DEMCR_MON_EN);
        bench.step(3);
        assertEquals(ExceptionState.DEBUG_MONITOR, bench.regs.ipsr());
        assertEquals(M3Bench.RESET + 2, stackedPc(bench), "the BKPT itself is stacked");
        assertEquals(DebugState.DFSR_BKPT, bench.core.debug().dfsr());
        assertEquals(0, bench.core.controlRegisters().hfsr());
        assertEquals(1 << 8, bench.word(SHCSR) & (1 << 8), "SHCSR.MONITORACT");
    }

    @Test
    void bkptWithNeitherHaltingNorMonitorDebugEscalatesWithDebugevt() {
        M3Bench bench = started(new M3Bench(), BKPT);
        bench.step(2);
        assertEquals(ExceptionState.HARD_FAULT, bench.regs.ipsr());
        assertEquals(ControlRegisters.HFSR_DEBUGEVT, bench.core.controlRegisters().hfsr());
    }

    @Test
    void bkptMaskedByBasepriBelowTheMonitorPriorityEscalatesToHardFault() {
        M3Bench bench = started(new M3Bench(), BKPT);
        bench.write(DEMCR, DebugState.DEMCR_MON_EN);
        bench.write(SHPR3, 0x80);
        bench.regs.setBasepri(0x40);
        bench.step(2);
        assertEquals(ExceptionState.HARD_FAULT, bench.regs.ipsr());
        assertEquals(ControlRegisters.HFSR_DEBUGEVT, bench.core.controlRegisters().hfsr());
    }

    @Test
    void monPendWrittenThroughDemcrPendsTheMonitorAndReadsBackUntilTaken() {
        M3Bench bench = started(new M3Bench(), NOP, NOP);
        bench.regs.setPrimask(true);
        bench.write(DEMCR, DebugState.DEMCR_MON_EN | DebugState.DEMCR_MON_PEND);
        bench.step(1);
        assertEquals(DebugState.DEMCR_MON_EN | DebugState.DEMCR_MON_PEND, bench.word(DEMCR), "held by PRIMASK");
        bench.regs.setPrimask(false);
        bench.step(1);
        assertEquals(ExceptionState.DEBUG_MONITOR, bench.regs.ipsr());
        assertEquals(DebugState.DEMCR_MON_EN, bench.word(DEMCR));
    }

    @Test
    void monStepTakesTheMonitorAfterEveryThreadInstruction() {
        M3Bench bench = started(new M3Bench().at(M3Bench.handler(ExceptionState.DEBUG_MONITOR), M3Bench.BX_LR), NOP, NOP, NOP);
        bench.write(DEMCR, DebugState.DEMCR_MON_EN | DebugState.DEMCR_MON_STEP);
        bench.step(2);
        assertEquals(ExceptionState.DEBUG_MONITOR, bench.regs.ipsr());
        assertEquals(M3Bench.RESET + 2, stackedPc(bench));
        assertEquals(DebugState.DFSR_HALTED, bench.core.debug().dfsr());
        bench.step(1);
        assertEquals(0, bench.regs.ipsr(), "the handler is not stepped");
        bench.step(2);
        assertEquals(ExceptionState.DEBUG_MONITOR, bench.regs.ipsr());
        assertEquals(M3Bench.RESET + 4, stackedPc(bench));
    }

    @Test
    void dwtWriteWatchpointWithMonitorEnabledTakesDebugMonitorWithDwttrap() {
        M3Bench bench = started(new M3Bench(), 0x6008, NOP); // STR r0, [r1]
        bench.write(DEMCR, DebugState.DEMCR_MON_EN | DebugState.DEMCR_DWTENA);
        bench.write(0xE000_1020, 0x2000_0800);
        bench.write(0xE000_1028, 6);
        bench.regs.set(1, 0x2000_0800);
        bench.step(2);
        assertEquals(ExceptionState.DEBUG_MONITOR, bench.regs.ipsr());
        assertEquals(DebugState.DFSR_DWTTRAP, bench.core.debug().dfsr());
        assertEquals(1 << 24, bench.word(0xE000_1028) & (1 << 24), "FUNCTION0.MATCHED");
    }

    @Test
    void armv6mHasNoMonitorControls() {
        CortexMTestMachine m0 = new CortexMTestMachine(Profile.ARMV6M, 0, 0x1000, 0x1000);
        m0.writeBus(DEMCR, DebugState.DEMCR_MON_EN | DebugState.DEMCR_MON_PEND | DebugState.DEMCR_VC_HARDERR);
        assertEquals(DebugState.DEMCR_VC_HARDERR, m0.readBus(DEMCR));
    }

    static Stream<Arguments> vectorCatches() {
        Consumer<M3Bench> faultsEnabled = bench -> bench.write(SHCSR, SHCSR_ALL_FAULTS);
        return Stream.of(
            Arguments.of("VC_MMERR: execute from the XN peripheral region", DebugState.DEMCR_VC_MMERR, ExceptionState.MEM_MANAGE,
                new int[] {0x4700}, faultsEnabled.andThen(bench -> bench.regs.set(0, 0x4000_0001))),
            Arguments.of("VC_NOCPERR: MRC", DebugState.DEMCR_VC_NOCPERR, ExceptionState.USAGE_FAULT,
                new int[] {0xEE10, 0x0710}, faultsEnabled),
            Arguments.of("VC_CHKERR: UDIV by zero with DIV_0_TRP", DebugState.DEMCR_VC_CHKERR, ExceptionState.USAGE_FAULT,
                new int[] {0xFBB0, 0xF0F1}, faultsEnabled.andThen(bench -> bench.write(CCR, 0x210))),
            Arguments.of("VC_STATERR: UDF", DebugState.DEMCR_VC_STATERR, ExceptionState.USAGE_FAULT,
                new int[] {0xDE00}, faultsEnabled),
            Arguments.of("VC_BUSERR: LDR from unmapped memory", DebugState.DEMCR_VC_BUSERR, ExceptionState.BUS_FAULT,
                new int[] {0x6808}, faultsEnabled.andThen(bench -> bench.regs.set(1, 0x3000_0000))),
            Arguments.of("VC_INTERR: SVC returning with EXC_RETURN 0xFFFFFFF5", DebugState.DEMCR_VC_INTERR, ExceptionState.USAGE_FAULT,
                new int[] {0xDF00}, faultsEnabled.andThen(bench -> bench.regs.set(0, 0xFFFF_FFF5))),
            Arguments.of("VC_HARDERR: UDF with UsageFault disabled", DebugState.DEMCR_VC_HARDERR, ExceptionState.HARD_FAULT,
                new int[] {0xDE00}, (Consumer<M3Bench>) bench -> { }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorCatches")
    void vectorCatchHaltsBeforeTheFirstHandlerInstruction(String name, int catchBit, int exception, int[] code, Consumer<M3Bench> setup) {
        for (boolean caught : new boolean[] {true, false}) {
            M3Bench bench = started(new M3Bench().at(M3Bench.handler(ExceptionState.SVCALL), 0x4700), code); // SVCall: BX r0
            setup.accept(bench);
            bench.core.setDebugEnabled(true);
            bench.write(DEMCR, caught ? catchBit : 0);
            bench.machine.run(200);
            assertEquals(exception, bench.regs.ipsr(), name);
            assertEquals(caught, bench.core.debug().halted(), name);
            if (caught) {
                assertEquals(M3Bench.handler(exception), bench.regs.pc(), name);
                assertEquals(DebugState.DFSR_VCATCH, bench.core.debug().dfsr(), name);
            }
        }
    }

    @Test
    void vcCoreResetHaltsAtTheResetVector() {
        M3Bench bench = started(new M3Bench(), NOP);
        bench.core.setDebugEnabled(true);
        bench.write(DEMCR, DebugState.DEMCR_VC_CORERESET);
        bench.core.requestSystemReset();
        assertTrue(bench.core.debug().halted());
        assertEquals(M3Bench.RESET, bench.regs.pc());
        assertEquals(DebugState.DFSR_VCATCH, bench.core.debug().dfsr());
        bench.write(DEMCR, 0);
        bench.core.leaveDebug();
        bench.core.requestSystemReset();
        assertFalse(bench.core.debug().halted());
    }
}
