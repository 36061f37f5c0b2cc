package io.probehost.sim.mcu.cpu;

import static io.probehost.sim.mcu.cpu.Asm.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.probehost.sim.mcu.RunOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DataProcessingInstructionTest {
    private static final int N = 8, Z = 4, C = 2, V = 1;
    private final TestTarget t = new TestTarget();

    @AfterEach
    void close() {
        t.close();
    }

    private void run() throws InterruptedException {
        assertEquals(RunOutcome.HALTED, t.run());
        assertEquals(t.end(), t.pc(), "stopped at the closing BKPT");
    }

    @Test
    void addsSetsCarryAndZeroWhenTheSumWraps() throws Exception {
        t.set(1, 0xFFFF_FFFF).set(2, 1).code(addsReg(0, 1, 2));
        run();
        assertEquals(0, t.reg(0));
        assertEquals(Z | C, t.flags());
    }

    @Test
    void addsSetsOverflowWhenTwoPositivesGiveANegative() throws Exception {
        t.set(1, 0x7FFF_FFFF).code(addsImm3(0, 1, 1));
        run();
        assertEquals(0x8000_0000, t.reg(0));
        assertEquals(N | V, t.flags());
    }

    @Test
    void subsSetsCarryWhenNoBorrowAndClearsItOnBorrow() throws Exception {
        t.set(1, 5).set(2, 3).set(4, 3).set(5, 5).code(subsReg(0, 1, 2), movHigh(8, 0), subsReg(3, 4, 5));
        run();
        assertEquals(2, t.reg(0));
        assertEquals(-2, t.reg(3));
        assertEquals(N, t.flags(), "3 - 5 borrows: C clear, N set");
    }

    @Test
    void cmpImmediateEqualSetsZeroAndCarry() throws Exception {
        t.code(movs(3, 42), cmpImm(3, 42));
        run();
        assertEquals(Z | C, t.flags());
    }

    @Test
    void subsImmediateOverflowsWhenMostNegativeMinusOne() throws Exception {
        t.set(2, 0x8000_0000).code(subsImm8(2, 1));
        run();
        assertEquals(0x7FFF_FFFF, t.reg(2));
        assertEquals(C | V, t.flags());
    }

    @Test
    void adcAndSbcUseTheCarryFlag() throws Exception {
        // 0xFFFFFFFF + 1 sets C; then 10 ADC 20 = 31; then 100 SBC 1 with C set = 99
        t.set(1, 0xFFFF_FFFF).set(2, 1).set(3, 10).set(4, 20).set(5, 100).set(6, 1)
                .code(addsReg(0, 1, 2), dp(ADC, 3, 4), dp(CMP, 0, 0), dp(SBC, 5, 6));
        run();
        assertEquals(31, t.reg(3));
        assertEquals(99, t.reg(5));
    }

    @Test
    void logicalOperationsSetNegativeAndZeroAndKeepCarry() throws Exception {
        t.set(0, 0xF0F0_0000).set(1, 0x0FF0_0000).set(2, 0xF0F0_0000).set(3, 0x0000_FFFF)
                .set(4, 0xFFFF_0000).set(5, 0x00FF_00FF).set(7, 0xFF)
                .code(movs(6, 0), cmpImm(6, 0), // C set
                        dp(AND, 0, 1), dp(EOR, 2, 1), dp(ORR, 3, 4), dp(BIC, 5, 4), dp(MVN, 6, 7), dp(TST, 7, 7));
        run();
        assertEquals(0x00F0_0000, t.reg(0));
        assertEquals(0xFF00_0000, t.reg(2));
        assertEquals(0xFFFF_FFFF, t.reg(3));
        assertEquals(0x0000_00FF, t.reg(5));
        assertEquals(0xFFFF_FF00, t.reg(6));
        assertEquals(C, t.flags(), "TST of 0xFF: not zero, not negative, carry kept");
    }

    @Test
    void negAndCmnAndMulGiveArmResults() throws Exception {
        t.set(1, 7).set(2, -3).set(3, 6).set(4, 1).set(5, -1)
                .code(dp(RSB, 0, 1), dp(MUL, 2, 3), dp(CMN, 4, 5));
        run();
        assertEquals(-7, t.reg(0));
        assertEquals(-18, t.reg(2));
        assertEquals(Z | C, t.flags(), "1 + -1 = 0 with carry out");
    }

    @Test
    void immediateShiftsSetCarryFromTheLastBitShiftedOut() throws Exception {
        t.set(1, 0x8000_0001).code(lslsImm(0, 1, 1), lsrsImm(2, 1, 1), asrsImm(3, 1, 0));
        run();
        assertEquals(2, t.reg(0));
        assertEquals(0x4000_0000, t.reg(2));
        assertEquals(-1, t.reg(3), "ASR #0 encodes ASR #32");
        assertEquals(N | C, t.flags());
    }

    @Test
    void lslByZeroIsMovsAndKeepsCarry() throws Exception {
        t.set(1, 0).code(movs(2, 1), lsrsImm(2, 2, 1), lslsImm(0, 1, 0));
        run();
        assertEquals(Z | C, t.flags());
    }

    @Test
    void registerShiftsHandleAmountsOfThirtyTwoAndMore() throws Exception {
        t.set(0, 1).set(1, 32).set(2, 0x8000_0000).set(3, 33).set(4, 0x8000_0000).set(5, 40)
                .set(6, 0x0000_00F1).set(7, 4)
                .code(dp(LSL, 0, 1), dp(LSR, 2, 3), dp(ASR, 4, 5), dp(ROR, 6, 7));
        run();
        assertEquals(0, t.reg(0));
        assertEquals(0, t.reg(2));
        assertEquals(-1, t.reg(4));
        assertEquals(0x1000_000F, t.reg(6));
        assertEquals(0, t.flags() & C, "ROR result bit 31 clear gives C clear");
    }

    @Test
    void highRegisterAddMovAndCmpLeaveOrSetFlagsAsSpecified() throws Exception {
        t.set(1, 100).set(2, 23).code(movHigh(9, 1), movHigh(10, 2), addHigh(9, 10), movHigh(0, 9), cmpHigh(9, 10));
        run();
        assertEquals(123, t.reg(0));
        assertEquals(123, t.reg(9));
        assertEquals(C, t.flags());
    }

    @Test
    void extendInstructionsSignOrZeroExtend() throws Exception {
        t.set(7, 0x1234_8681).code(sxth(0, 7), sxtb(1, 7), uxth(2, 7), uxtb(3, 7));
        run();
        assertEquals(0xFFFF_8681, t.reg(0));
        assertEquals(0xFFFF_FF81, t.reg(1));
        assertEquals(0x0000_8681, t.reg(2));
        assertEquals(0x0000_0081, t.reg(3));
    }

    @Test
    void reverseInstructionsSwapBytes() throws Exception {
        t.set(7, 0x1122_3380).code(rev(0, 7), rev16(1, 7), revsh(2, 7));
        run();
        assertEquals(0x8033_2211, t.reg(0));
        assertEquals(0x2211_8033, t.reg(1));
        assertEquals(0xFFFF_8033, t.reg(2));
    }

    @Test
    void adrAndSpRelativeAddressingComputeAlignedAddresses() throws Exception {
        t.code(adr(0, 2), addRdSp(1, 3), subSp(4), addSp(1));
        run();
        assertEquals(TestTarget.CODE + 4 + 8, t.reg(0));
        assertEquals(TestTarget.STACK_TOP + 12, t.reg(1));
        assertEquals(TestTarget.STACK_TOP - 12, t.get(CoreRegister.SP));
    }

    @Test
    void movsSetsFlagsAndKeepsCarryAndOverflow() throws Exception {
        t.set(1, 0x7FFF_FFFF).code(addsImm3(1, 1, 1), movs(0, 0));
        run();
        assertEquals(Z | V, t.flags());
    }
}
