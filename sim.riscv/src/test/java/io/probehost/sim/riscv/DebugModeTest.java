package io.probehost.sim.riscv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Debug Mode of the hart: the ways in, dcsr/dpc, single step, the program buffer, dret. */
class DebugModeTest {
    private static final int CSRR_DCSR_X5 = Rv.csr(2, 5, DebugState.DCSR, 0);
    private static final int DRET = 0x7B20_0073;

    private static int dcsrCause(TestHart t) {
        return t.csr(DebugState.DCSR) >>> DebugState.DCSR_CAUSE_SHIFT & 7;
    }

    @Test
    void haltRequestEntersDebugModeBeforeTheNextInstruction() {
        TestHart t = new TestHart().code(Rv.addi(1, 1, 1), Rv.addi(1, 1, 1)).step(1);
        t.hart.setHaltRequest(true);
        t.step(3);
        assertTrue(t.hart.halted());
        assertFalse(t.hart.canRun());
        assertEquals(HaltCause.HALT_REQUEST, t.hart.haltCause());
        assertEquals(3, dcsrCause(t));
        assertEquals(TestHart.RAM + 4, t.csr(DebugState.DPC));
        assertEquals(1, t.x(1), "halted instructions do not execute");
    }

    @Test
    void dcsrReadsXdebugver4AndMachineModeAndResumeContinuesAtDpc() {
        TestHart t = new TestHart().code(Rv.NOP, Rv.addi(1, 0, 7), Rv.addi(2, 0, 9));
        t.hart.setHaltRequest(true);
        t.step(1);
        t.hart.setHaltRequest(false);
        assertEquals(0x4000_0000 | DebugState.DCSR_STOPCOUNT | 3 << 6 | 3, t.csr(DebugState.DCSR));
        t.hart.writeCsr(DebugState.DPC, TestHart.RAM + 8);
        t.hart.resume();
        t.step(1);
        assertFalse(t.hart.halted());
        assertEquals(0, t.x(1));
        assertEquals(9, t.x(2));
    }

    @Test
    void coreDebugRegistersAreIllegalOutsideDebugMode() {
        TestHart t = new TestHart().code(CSRR_DCSR_X5).step(1);
        assertEquals(2, t.csr(ControlStatusRegisters.MCAUSE));
        assertEquals(CSRR_DCSR_X5, t.csr(ControlStatusRegisters.MTVAL));
        assertThrows(IllegalArgumentException.class, () -> t.hart.readCsr(DebugState.DPC));
    }

    @Test
    void ebreakHaltsWithEbreakmAndTrapsWithout() {
        TestHart t = new TestHart().code(Rv.EBREAK).step(1);
        assertFalse(t.hart.halted());
        assertEquals(3, t.csr(ControlStatusRegisters.MCAUSE));

        t = new TestHart().code(Rv.NOP, Rv.EBREAK);
        enableDebugBits(t, DebugState.DCSR_EBREAKM);
        t.step(2);
        assertTrue(t.hart.halted());
        assertEquals(HaltCause.EBREAK, t.hart.haltCause());
        assertEquals(TestHart.RAM + 4, t.csr(DebugState.DPC), "dpc at the ebreak");
        assertEquals(0, t.csr(ControlStatusRegisters.MCAUSE), "no trap");
    }

    @Test
    void compressedEbreakHaltsToo() {
        TestHart t = new TestHart().compressed(0x9002);
        enableDebugBits(t, DebugState.DCSR_EBREAKM);
        t.step(1);
        assertEquals(HaltCause.EBREAK, t.hart.haltCause());
        assertEquals(TestHart.RAM, t.csr(DebugState.DPC));
    }

    /** Halts, writes dcsr (keeping what the test asks for), resumes at RAM. */
    private static void enableDebugBits(TestHart t, int bits) {
        t.hart.setHaltRequest(true);
        t.step(1);
        t.hart.setHaltRequest(false);
        t.hart.writeCsr(DebugState.DCSR, bits);
        t.hart.writeCsr(DebugState.DPC, TestHart.RAM);
        t.hart.resume();
    }

    @Test
    void dcsrStepExecutesOneInstructionThenHaltsWithCauseStep() {
        TestHart t = new TestHart().code(Rv.addi(1, 0, 5), Rv.addi(2, 0, 6));
        enableDebugBits(t, DebugState.DCSR_STEP);
        t.step(5);
        assertEquals(HaltCause.STEP, t.hart.haltCause());
        assertEquals(TestHart.RAM + 4, t.csr(DebugState.DPC));
        assertEquals(5, t.x(1));
        assertEquals(0, t.x(2));
        t.hart.resume();
        t.step(1);
        assertEquals(6, t.x(2));
        assertEquals(TestHart.RAM + 8, t.csr(DebugState.DPC));
    }

    @Test
    void steppingATrappingInstructionHaltsAtTheHandler() {
        TestHart t = new TestHart().code(Rv.ECALL);
        enableDebugBits(t, DebugState.DCSR_STEP);
        t.step(1);
        assertEquals(HaltCause.STEP, t.hart.haltCause());
        assertEquals(TestHart.VECTOR, t.csr(DebugState.DPC));
        assertEquals(11, t.csr(ControlStatusRegisters.MCAUSE));
    }

    @Test
    void steppingKeepsInterruptsOffUnlessStepie() {
        TestHart t = new TestHart().code(Rv.NOP, Rv.NOP);
        t.hart.csrs().write(ControlStatusRegisters.MSTATUS, ControlStatusRegisters.MSTATUS_MIE);
        t.hart.csrs().write(ControlStatusRegisters.MIE, TrapCause.MACHINE_SOFTWARE_INTERRUPT.pendingBit());
        t.hart.setInterruptPending(TrapCause.MACHINE_SOFTWARE_INTERRUPT, true);
        enableDebugBits(t, DebugState.DCSR_STEP);
        t.step(1);
        assertEquals(TestHart.RAM + 4, t.csr(DebugState.DPC), "the nop, not the interrupt");
        t.hart.writeCsr(DebugState.DCSR, DebugState.DCSR_STEP | DebugState.DCSR_STEPIE);
        t.hart.resume();
        t.step(1);
        assertEquals(TestHart.VECTOR, t.csr(DebugState.DPC), "into the handler");
    }

    @Test
    void resetWithHaltRequestOnResetHaltsAtTheResetVector() {
        TestHart t = new TestHart();
        t.hart.setResetHaltRequest(true);
        t.hart.reset(TestHart.RAM + 0x40);
        assertTrue(t.hart.halted());
        assertEquals(HaltCause.RESET_HALT_REQUEST, t.hart.haltCause());
        assertEquals(TestHart.RAM + 0x40, t.csr(DebugState.DPC));
        t.hart.setResetHaltRequest(false);
        t.hart.reset(TestHart.RAM);
        assertFalse(t.hart.halted());
        assertNull(t.hart.haltCause());
    }

    @Test
    void programBufferRunsToItsImplicitEbreakAndKeepsDpc() {
        TestHart t = new TestHart().set(8, 41).set(9, TestHart.DATA);
        t.hart.setHaltRequest(true);
        t.step(1);
        boolean done = t.hart.executeProgramBuffer(new int[] {Rv.addi(8, 8, 1), Rv.store(2, 8, 9, 0)}, 100);
        assertTrue(done);
        assertEquals(42, t.peek(TestHart.DATA, io.probehost.sim.mcu.AccessSize.WORD));
        assertTrue(t.hart.halted());
        assertEquals(TestHart.RAM, t.csr(DebugState.DPC));
        assertEquals(TestHart.RAM, t.hart.pc());
    }

    @Test
    void programBufferEndsAtAnExplicitEbreak() {
        TestHart t = new TestHart();
        t.hart.setHaltRequest(true);
        t.step(1);
        assertTrue(t.hart.executeProgramBuffer(new int[] {Rv.EBREAK, Rv.addi(8, 0, 1)}, 100));
        assertEquals(0, t.x(8));
    }

    @Test
    void anExceptionInTheProgramBufferFailsItWithoutTouchingTheTrapCsrs() {
        TestHart t = new TestHart().set(8, TestHart.UNMAPPED);
        t.hart.setHaltRequest(true);
        t.step(1);
        assertFalse(t.hart.executeProgramBuffer(new int[] {Rv.load(2, 9, 8, 0)}, 100));
        assertEquals(0, t.csr(ControlStatusRegisters.MCAUSE));
        assertEquals(0, t.csr(ControlStatusRegisters.MEPC));
        assertTrue(t.hart.halted());
        assertEquals(HaltCause.HALT_REQUEST, t.hart.haltCause());
    }

    @Test
    void dretLeavesDebugModeAndIsIllegalOutsideIt() {
        TestHart t = new TestHart().code(DRET).step(1);
        assertEquals(2, t.csr(ControlStatusRegisters.MCAUSE));
        t = new TestHart().code(Rv.NOP, Rv.addi(1, 0, 3));
        t.hart.setHaltRequest(true);
        t.step(1);
        t.hart.setHaltRequest(false);
        t.hart.writeCsr(DebugState.DPC, TestHart.RAM + 4);
        assertTrue(t.hart.executeProgramBuffer(new int[] {DRET}, 10));
        assertFalse(t.hart.halted());
        t.step(1);
        assertEquals(3, t.x(1));
    }

    @Test
    void waitForInterruptIsANopWhileStepping() {
        TestHart t = new TestHart().code(Rv.WFI, Rv.NOP);
        enableDebugBits(t, DebugState.DCSR_STEP);
        t.step(1);
        assertFalse(t.hart.waitingForInterrupt());
        assertEquals(TestHart.RAM + 4, t.csr(DebugState.DPC));
    }
}
