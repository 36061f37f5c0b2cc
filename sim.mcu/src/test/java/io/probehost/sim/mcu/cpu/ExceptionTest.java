package io.probehost.sim.mcu.cpu;

import static io.probehost.sim.mcu.cpu.Asm.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.RunOutcome;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExceptionTest {
    private static final int HANDLER = 0x2000_0400;
    private static final int HANDLER2 = 0x2000_0500;
    private static final int ICSR = 0xE000_ED04;
    private static final int SYST_CSR = 0xE000_E010;
    private final TestTarget t = new TestTarget();

    @AfterEach
    void close() {
        t.close();
    }

    private void runToEnd() throws InterruptedException {
        assertEquals(RunOutcome.HALTED, t.run());
        assertEquals(t.end(), t.pc());
    }

    @Test
    void svcStacksEightWordsAndReturnsThroughExcReturnF9() throws Exception {
        t.vectors(Map.of(ExceptionState.SVCALL, HANDLER));
        t.place(HANDLER, movHigh(7, 14), mrs(4, 5), movHigh(5, 13), bx(14));
        t.set(0, 10).set(1, 11).set(2, 12).set(3, 13).set(12, 0x1212).set(CoreRegister.LR, 0x0BAD_F00D)
                .code(svc(3), movs(6, 1));
        runToEnd();
        int frame = TestTarget.STACK_TOP - 32;
        assertEquals(0xFFFF_FFF9, t.reg(7));
        assertEquals(ExceptionState.SVCALL, t.reg(4), "IPSR in the handler");
        assertEquals(frame, t.reg(5));
        int[] expected = {10, 11, 12, 13, 0x1212, 0x0BAD_F00D, TestTarget.CODE + 2, 1 << 24};
        for (int i = 0; i < 8; i++) {
            assertEquals(expected[i], t.word(frame + 4 * i), "stacked word " + i);
        }
        assertEquals(1, t.reg(6));
        assertEquals(TestTarget.STACK_TOP, t.get(CoreRegister.SP));
        assertEquals(0, t.get(CoreRegister.XPSR) & 0x3F);
    }

    @Test
    void stackingRealignsToEightBytesAndRecordsItInXpsrBit9() throws Exception {
        t.vectors(Map.of(ExceptionState.SVCALL, HANDLER));
        t.place(HANDLER, movHigh(5, 13), bx(14));
        int misaligned = TestTarget.STACK_TOP - 4;
        t.place(TestTarget.CODE, svc(0), NOP, BKPT);
        t.set(CoreRegister.MSP, misaligned).set(CoreRegister.PC, TestTarget.CODE);
        assertEquals(RunOutcome.HALTED, t.mcu.runUntilHalted(10_000));
        int frame = TestTarget.STACK_TOP - 40;
        assertEquals(frame, t.reg(5));
        assertEquals((1 << 24) | (1 << 9), t.word(frame + 28));
        assertEquals(misaligned, t.get(CoreRegister.SP));
    }

    @Test
    void exceptionFromPspThreadUsesExcReturnFdAndStacksOnPsp() throws Exception {
        int psp = TestTarget.DATA + 0x800;
        t.vectors(Map.of(ExceptionState.SVCALL, HANDLER));
        t.place(HANDLER, movHigh(7, 14), mrs(6, 9), bx(14));
        t.set(1, psp).set(2, 2).code(msr(9, 1), msr(20, 2), ISB, svc(0), mrs(3, 20));
        runToEnd();
        assertEquals(0xFFFF_FFFD, t.reg(7));
        assertEquals(psp - 32, t.reg(6));
        assertEquals(2, t.reg(3), "back on PSP after return");
        assertEquals(psp, t.get(CoreRegister.PSP));
    }

    @Test
    void higherPriorityPendSvPreemptsSvcAndReturnsWithF1() throws Exception {
        t.vectors(Map.of(ExceptionState.SVCALL, HANDLER, ExceptionState.PENDSV, HANDLER2));
        // SVC handler: pend PendSV through ICSR, then r4 = 1 after it returned
        t.place(HANDLER, strImm(1, 0, 0), movs(4, 1), bx(14));
        t.place(HANDLER2, movHigh(7, 14), movs(5, 2), bx(14));
        t.set(0, ICSR).set(1, 1 << 28).set(2, 0x8000_0000).set(3, 0xE000_ED1C)
                .code(strImm(2, 3, 0), svc(0));
        runToEnd();
        assertEquals(0xFFFF_FFF1, t.reg(7));
        assertEquals(2, t.reg(5));
        assertEquals(1, t.reg(4));
    }

    @Test
    void svcWithPrimaskSetEscalatesToHardFault() throws Exception {
        t.vectors(Map.of(ExceptionState.SVCALL, HANDLER, ExceptionState.HARD_FAULT, HANDLER2));
        t.place(HANDLER2, BKPT);
        t.code(CPSID_I, svc(0));
        assertEquals(RunOutcome.HALTED, t.run());
        assertEquals(HANDLER2, t.pc());
        assertEquals(ExceptionState.HARD_FAULT, t.get(CoreRegister.XPSR) & 0x3F);
    }

    @Test
    void svcEscalatedByPrimaskStacksTheAddressAfterTheSvc() throws Exception {
        t.vectors(Map.of(ExceptionState.SVCALL, HANDLER, ExceptionState.HARD_FAULT, HANDLER2));
        t.place(HANDLER2, BKPT);
        t.code(CPSID_I, svc(0), NOP);
        assertEquals(RunOutcome.HALTED, t.run());
        assertEquals(HANDLER2, t.pc());
        assertEquals(t.address(2), t.word(t.get(CoreRegister.SP) + 24), "stacked PC: the instruction after the SVC");
    }

    @Test
    void svcInAHandlerAtSvcallPriorityEscalatesWithTheAddressAfterTheSvc() throws Exception {
        // PendSV and SVCall both at 0x80: an SVC inside PendSV cannot preempt it
        t.vectors(Map.of(ExceptionState.PENDSV, HANDLER, ExceptionState.SVCALL, HANDLER2,
                ExceptionState.HARD_FAULT, HANDLER2 + 0x40));
        t.place(HANDLER, svc(1), NOP);
        t.place(HANDLER2 + 0x40, mrs(4, 5), BKPT);
        t.set(0, ICSR).set(1, 1 << 28).set(2, 0x0080_0000).set(3, 0xE000_ED20).set(5, 0x8000_0000).set(6, 0xE000_ED1C)
                .code(strImm(2, 3, 0), strImm(5, 6, 0), strImm(1, 0, 0), NOP);
        assertEquals(RunOutcome.HALTED, t.run());
        assertEquals(HANDLER2 + 0x44, t.pc());
        assertEquals(ExceptionState.HARD_FAULT, t.reg(4));
        int frame = t.get(CoreRegister.SP);
        assertEquals(HANDLER + 2, t.word(frame + 24), "stacked PC: the instruction after the SVC");
        assertEquals(ExceptionState.PENDSV, t.word(frame + 28) & 0x3F, "stacked IPSR: PendSV");
    }

    @Test
    void svcInsideHardFaultLocksUpAtTheLockupAddress() throws Exception {
        t.vectors(Map.of(ExceptionState.HARD_FAULT, HANDLER, ExceptionState.SVCALL, HANDLER2));
        t.place(HANDLER, svc(2), NOP);
        t.code(UDF);
        assertEquals(RunOutcome.LOCKED_UP, t.run());
        assertEquals(Core.LOCKUP_ADDRESS, t.pc());
        assertEquals(ExceptionState.HARD_FAULT, t.get(CoreRegister.XPSR) & 0x3F);
    }

    @Test
    void faultWithTheStackInUnmappedMemoryStillEntersHardFaultOnTheCorruptFrame() throws Exception {
        t.vectors(Map.of(ExceptionState.HARD_FAULT, HANDLER));
        t.place(HANDLER, movHigh(4, 14), mrs(5, 5), BKPT);
        t.code(movs(0, 3), lslsImm(0, 0, 28), movHigh(13, 0), UDF); // SP = 0x30000000: nothing answers there
        assertEquals(RunOutcome.HALTED, t.run(), "no lockup: the handler runs");
        assertEquals(HANDLER + 6, t.pc());
        assertEquals(ExceptionState.HARD_FAULT, t.reg(5));
        assertEquals(0xFFFF_FFF9, t.reg(4));
        assertEquals(0x3000_0000 - 32, t.get(CoreRegister.MSP), "SP moved past the frame that was never written");
    }

    @Test
    void svcWithTheStackInUnmappedMemoryGivesWayToHardFaultAndStaysPending() throws Exception {
        t.vectors(Map.of(ExceptionState.HARD_FAULT, HANDLER, ExceptionState.SVCALL, HANDLER2));
        t.place(HANDLER, BKPT);
        t.place(HANDLER2, BKPT);
        t.code(movs(0, 3), lslsImm(0, 0, 28), movHigh(13, 0), svc(5));
        assertEquals(RunOutcome.HALTED, t.run());
        assertEquals(HANDLER, t.pc(), "the derived HardFault arrives late on the same frame");
        assertEquals(0x3000_0000 - 32, t.get(CoreRegister.MSP), "one frame, not two");
        int icsr = t.mcu.debugBus().read(ICSR, io.probehost.sim.mcu.AccessSize.WORD);
        assertEquals(ExceptionState.SVCALL, (icsr >>> 12) & 0x1FF, "ICSR.VECTPENDING: SVCall still pending");
        assertEquals(ExceptionState.HARD_FAULT, icsr & 0x1FF, "ICSR.VECTACTIVE");
    }

    @Test
    void unstackingBusErrorEndsTheExceptionAndTakesHardFaultOnTheSameFrame() throws Exception {
        t.vectors(Map.of(ExceptionState.SVCALL, HANDLER, ExceptionState.HARD_FAULT, HANDLER2));
        // SVC handler: MSP = 0x30000000 (nothing answers there), then return: the frame cannot be read
        t.place(HANDLER, movs(0, 3), lslsImm(0, 0, 28), msr(8, 0), bx(14));
        t.place(HANDLER2, movHigh(4, 14), BKPT);
        t.code(svc(0), NOP);
        assertEquals(RunOutcome.HALTED, t.run());
        assertEquals(HANDLER2 + 2, t.pc());
        assertEquals(ExceptionState.HARD_FAULT, t.get(CoreRegister.XPSR) & 0x3F);
        assertEquals(0xFFFF_FFF9, t.reg(4), "LR keeps the EXC_RETURN of the failed return");
        assertEquals(0x3000_0000, t.get(CoreRegister.MSP), "nothing stacked: SP unchanged");
        int icsr = t.mcu.debugBus().read(ICSR, io.probehost.sim.mcu.AccessSize.WORD);
        assertEquals(ExceptionState.HARD_FAULT, icsr & 0x1FF, "ICSR.VECTACTIVE");
        assertEquals(0, (icsr >>> 12) & 0x1FF, "ICSR.VECTPENDING: nothing left pending");
    }

    @Test
    void sysTickExceptionFiresAfterTheReloadCount() throws Exception {
        t.vectors(Map.of(ExceptionState.SYSTICK, HANDLER));
        t.place(HANDLER, BKPT);
        // RVR = 200, CVR = 0, CSR = ENABLE|TICKINT; then spin
        t.set(0, SYST_CSR).set(1, 200).set(2, 3).code(strImm(1, 0, 1), strImm(1, 0, 2), strImm(2, 0, 0), b(-2));
        long before = t.mcu.cycles();
        assertEquals(RunOutcome.HALTED, t.run());
        assertEquals(HANDLER, t.pc());
        assertEquals(ExceptionState.SYSTICK, t.get(CoreRegister.XPSR) & 0x3F);
        long elapsed = t.mcu.cycles() - before;
        assertTrue(elapsed >= 200 && elapsed < 240, "fired after about RVR+1 cycles: " + elapsed);
    }

    @Test
    void wfiSleepsUntilSysTickWakesTheCore() throws Exception {
        t.vectors(Map.of(ExceptionState.SYSTICK, HANDLER));
        t.place(HANDLER, movs(0, 0), strImm(0, 3, 0), movs(5, 7), bx(14));
        t.set(3, SYST_CSR).set(1, 5000).set(2, 3).set(6, 0)
                .code(strImm(1, 3, 1), strImm(2, 3, 0), WFI, movs(6, 1));
        runToEnd();
        assertEquals(7, t.reg(5));
        assertEquals(1, t.reg(6));
        assertTrue(t.mcu.cycles() >= 5000);
    }

    @Test
    void externalInterruptRunsWhenEnabledAndPendedThroughNvic() throws Exception {
        t.vectors(Map.of(ExceptionState.FIRST_IRQ + 5, HANDLER));
        t.place(HANDLER, mrs(4, 5), bx(14));
        t.set(0, 0xE000_E100).set(1, 1 << 5).set(2, 0xE000_E200).set(4, 0)
                .code(strImm(1, 0, 0), strImm(1, 2, 0), NOP);
        runToEnd();
        assertEquals(ExceptionState.FIRST_IRQ + 5, t.reg(4));
    }

    @Test
    void primaskHoldsAnInterruptButWfiStillWakes() throws Exception {
        t.vectors(Map.of(ExceptionState.FIRST_IRQ + 1, HANDLER));
        t.place(HANDLER, movs(4, 9), bx(14));
        t.set(0, 0xE000_E100).set(1, 2).set(2, 0xE000_E200).set(4, 0)
                .code(CPSID_I, strImm(1, 0, 0), strImm(1, 2, 0), WFI, movs(5, 1), CPSIE_I, NOP, movs(6, 1));
        runToEnd();
        assertEquals(9, t.reg(4), "taken after CPSIE");
        assertEquals(1, t.reg(5));
    }

    @Test
    void undefinedInstructionRaisesHardFaultWithItsAddressStacked() throws Exception {
        t.vectors(Map.of(ExceptionState.HARD_FAULT, HANDLER));
        t.place(HANDLER, BKPT);
        t.code(NOP, UDF);
        assertEquals(RunOutcome.HALTED, t.run());
        assertEquals(HANDLER, t.pc());
        assertEquals(TestTarget.CODE + 2, t.word(t.get(CoreRegister.SP) + 24));
    }

    @Test
    void faultInsideTheHardFaultHandlerLocksUp() throws Exception {
        t.vectors(Map.of(ExceptionState.HARD_FAULT, HANDLER));
        t.place(HANDLER, UDF);
        t.code(UDF);
        assertEquals(RunOutcome.LOCKED_UP, t.run());
        assertEquals(Core.LOCKUP_ADDRESS, t.pc());
    }

    @Test
    void thirtyTwoBitUndefinedEncodingRaisesHardFault() throws Exception {
        t.vectors(Map.of(ExceptionState.HARD_FAULT, HANDLER));
        t.place(HANDLER, BKPT);
        t.code(new int[] {0xF7F0, 0xA000});
        assertEquals(RunOutcome.HALTED, t.run());
        assertEquals(HANDLER, t.pc());
    }
}
