package io.probehost.sim.mcu.cpu;

import static io.probehost.sim.mcu.cpu.Asm.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.probehost.sim.mcu.RunOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BranchAndSystemInstructionTest {
    private static final int EQ = 0, NE = 1, CS = 2, LT = 0xB, GT = 0xC, HI = 8;
    private final TestTarget t = new TestTarget();

    @AfterEach
    void close() {
        t.close();
    }

    private void run() throws InterruptedException {
        assertEquals(RunOutcome.HALTED, t.run());
        assertEquals(t.end(), t.pc());
    }

    @Test
    void conditionalBranchLoopsUntilTheCounterIsZero() throws Exception {
        // r0 = 5; loop: r1 += 3; r0 -= 1; bne loop
        t.code(movs(0, 5), movs(1, 0), addsImm8(1, 3), subsImm8(0, 1), bcond(NE, -4));
        run();
        assertEquals(15, t.reg(1));
    }

    @Test
    void signedAndUnsignedConditionsFollowTheFlags() throws Exception {
        // -1 < 1 signed (LT taken), but 0xFFFFFFFF > 1 unsigned (HI taken)
        t.set(0, -1).set(1, 1).code(dp(CMP, 0, 1), bcond(LT, 0), movs(2, 1), bcond(HI, 0), movs(3, 1),
                bcond(GT, 0), movs(4, 1), bcond(CS, 0), movs(5, 1));
        t.set(2, 0).set(3, 0).set(4, 0).set(5, 0);
        run();
        assertEquals(0, t.reg(2), "LT taken skips");
        assertEquals(0, t.reg(3), "HI taken skips");
        assertEquals(1, t.reg(4), "GT not taken");
        assertEquals(0, t.reg(5), "CS taken skips");
    }

    @Test
    void unconditionalBranchSkipsForward() throws Exception {
        t.set(0, 0).code(b(0), movs(0, 2), addsImm8(0, 1), NOP);
        run();
        assertEquals(1, t.reg(0), "only the second movs ran");
    }

    @Test
    void blCallsAndBxLrReturns() throws Exception {
        // 0: BL +4 (to index 4) ; 2: movs r1,#2 ; 3: b to end(6) ; 4: movs r0,#1 ; 5: bx lr
        t.code(bl(4), movs(1, 2), b(1), movs(0, 1), bx(14));
        t.set(0, 0).set(1, 0);
        run();
        assertEquals(1, t.reg(0));
        assertEquals(2, t.reg(1));
        assertEquals(t.address(2) | 1, t.get(CoreRegister.LR));
    }

    @Test
    void blWithANegativeOffsetBranchesBackwards() throws Exception {
        // 0: b +2 (to index 3) ; 1: movs r0,#7 ; 2: bx lr ; 3: BL back to index 1 ; 5: end
        t.set(0, 0).code(b(1), movs(0, 7), bx(14), bl(-8));
        run();
        assertEquals(7, t.reg(0));
    }

    @Test
    void blxRegisterSetsLinkAndBranches() throws Exception {
        t.set(2, (TestTarget.CODE + 4) | 1).set(0, 0).code(blx(2), b(1), movs(0, 4), bx(14));
        run();
        assertEquals(4, t.reg(0));
        assertEquals((TestTarget.CODE + 2) | 1, t.get(CoreRegister.LR));
    }

    @Test
    void bxToAnEvenAddressFaultsOnTheNextInstruction() throws Exception {
        t.vectors(java.util.Map.of(3, TestTarget.CODE + 0x80));
        t.mcu.writeRam(TestTarget.CODE + 0x80, new byte[] {0x00, (byte) 0xBE});
        t.set(2, TestTarget.CODE + 4).code(bx(2), NOP, NOP);
        assertEquals(RunOutcome.HALTED, t.run());
        assertEquals(TestTarget.CODE + 0x80, t.pc());
        assertEquals(TestTarget.CODE + 4, t.word(t.get(CoreRegister.SP) + 24));
    }

    @Test
    void mrsAndMsrMoveSpecialRegisters() throws Exception {
        t.set(1, 0x2000_1000).set(2, 0xF000_0000).set(3, 1)
                .code(msr(9, 1), msr(0, 2), mrs(4, 0), msr(16, 3), mrs(5, 16), mrs(6, 9), mrs(7, 3));
        run();
        assertEquals(0x2000_1000, t.get(CoreRegister.PSP));
        assertEquals(0xF000_0000, t.reg(4));
        assertEquals(1, t.reg(5));
        assertEquals(0x2000_1000, t.reg(6));
        assertEquals(0xF000_0000, t.reg(7), "xPSR via MRS: APSR, IPSR 0, EPSR reads as zero");
    }

    @Test
    void msrControlSwitchesThreadModeToPsp() throws Exception {
        t.set(1, 0x2000_1000).set(2, 2)
                .code(msr(9, 1), msr(20, 2), ISB, push(0b1, false), mrs(3, 20));
        run();
        assertEquals(2, t.reg(3));
        assertEquals(0x2000_0FFC, t.get(CoreRegister.PSP));
        assertEquals(TestTarget.STACK_TOP, t.get(CoreRegister.MSP));
        assertEquals(0x2000_0FFC, t.get(CoreRegister.SP));
    }

    @Test
    void cpsSetsAndClearsPrimask() throws Exception {
        t.code(CPSID_I, mrs(0, 16), CPSIE_I, mrs(1, 16));
        run();
        assertEquals(1, t.reg(0));
        assertEquals(0, t.reg(1));
    }

    @Test
    void barriersAndHintsExecuteAsNoOperations() throws Exception {
        t.set(0, 0).code(DMB, DSB, ISB, NOP, YIELD, SEV, WFE, addsImm8(0, 1));
        run();
        assertEquals(1, t.reg(0), "WFE after SEV consumes the event and continues");
    }

    @Test
    void cyclesFollowTheCortexM0Timings() throws Exception {
        t.code(movs(0, 1), NOP, ldrSp(1, 0), b(-1), push(0b11, false), pop(0b11, false));
        long before = t.mcu.cycles();
        run();
        assertEquals(1 + 1 + 2 + 3 + 3 + 3, t.mcu.cycles() - before);
        assertEquals((t.mcu.cycles()) * 1000 / 16, t.mcu.clock().nowNanos(), "16 MHz virtual clock");
    }
}
