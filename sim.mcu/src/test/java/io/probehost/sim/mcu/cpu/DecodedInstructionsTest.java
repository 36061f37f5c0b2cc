package io.probehost.sim.mcu.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.RunOutcome;
import io.probehost.sim.mcu.bench.CortexMTestMachine;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * The pre-decoded instruction cache ({@link DecodedInstructions}) never runs an instruction as it
 * was decoded once its bits have changed, whoever changed them.
 */
class DecodedInstructionsTest {
    private static final int RESET = 0x40;
    private static final int ADDS_R2_1 = 0x3201;
    private static final int SUBS_R2_1 = 0x3A01;
    private static final int ADDS_R4_1 = 0x3401;
    private static final int CMP_R4_2 = 0x2C02;
    /** BNE four instructions back (to the first). */
    private static final int BNE_BACK_4 = 0xD1FA;
    /** BL to the halfword after it (imm 0), and its second halfword with imm 2. */
    private static final int[] BL_NEXT = {0xF000, 0xF800};
    private static final int BL_SECOND_HALFWORD_PLUS_2 = 0xF801;

    @Test
    void instructionTheProgramRewritesAfterRunningItRunsAsStoredTheNextTime() throws Exception {
        try (TestTarget t = new TestTarget()) {
            // twice: ADDS r2, #1 (rewritten to SUBS r2, #1 by the STRH after it has run once)
            t.code(ADDS_R2_1, Asm.strhImm(1, 0, 0), ADDS_R4_1, CMP_R4_2, BNE_BACK_4);
            t.set(0, TestTarget.CODE).set(1, SUBS_R2_1).set(2, 0).set(4, 0);
            assertEquals(RunOutcome.HALTED, t.run());
            assertEquals(1 - 1, t.reg(2));
        }
    }

    @Test
    void changedSecondHalfwordOfAThirtyTwoBitInstructionIsSeen() throws Exception {
        try (TestTarget t = new TestTarget()) {
            t.code(BL_NEXT, Asm.BKPT);
            assertEquals(RunOutcome.HALTED, t.run());
            assertEquals(t.address(2), t.pc());
            t.mcu.debugBus().write(t.address(1), AccessSize.HALFWORD, BL_SECOND_HALFWORD_PLUS_2);
            t.set(CoreRegister.XPSR, 1 << 24).set(CoreRegister.PC, TestTarget.CODE);
            assertEquals(RunOutcome.HALTED, t.mcu.runUntilHalted(1_000));
            assertEquals(t.address(3), t.pc(), "BL +2 reaches the final BKPT");
            assertEquals(t.address(2) | 1, t.get(CoreRegister.LR));
        }
    }

    @Test
    void secondHalfwordTurningAnArmv7mDataProcessingInstructionIntoBlIsSeen() {
        CortexMTestMachine machine = new CortexMTestMachine(Profile.ARMV7M, 0, 0x1000, 0x1000);
        machine.load(armv7mImage(0x0100)); // AND.W r1, r0, #0
        machine.run(20);
        assertEquals(0, machine.core().registers().get(1));
        assertEquals(0xFFFF_FFFF, machine.core().registers().lr(), "no BL ran");
        machine.load(armv7mImage(0xF800)); // BL to the next instruction, written by the back door
        machine.run(20);
        assertEquals((RESET + 4) | 1, machine.core().registers().lr());
    }

    /** Vectors, then at RESET the 32-bit instruction 0xF000 {@code secondHalfword} and B . */
    private static byte[] armv7mImage(int secondHalfword) {
        ByteBuffer image = ByteBuffer.allocate(0x100).order(ByteOrder.LITTLE_ENDIAN);
        image.putInt(0, 0x2000_0800).putInt(4, RESET | 1);
        image.putShort(RESET, (short) 0xF000).putShort(RESET + 2, (short) secondHalfword).putShort(RESET + 4, (short) 0xE7FE);
        return image.array();
    }
}
