package io.probehost.sim.mcu.cpu;

import static io.probehost.sim.mcu.cpu.Asm.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.probehost.sim.mcu.RunOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadStoreInstructionTest {
    private static final int D = TestTarget.DATA;
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
    void immediateOffsetStoresAndLoadsEachWidth() throws Exception {
        t.set(0, D).set(1, 0xCAFE_BABE)
                .code(strImm(1, 0, 1), strbImm(1, 0, 8), strhImm(1, 0, 6), ldrImm(2, 0, 1), ldrbImm(3, 0, 8),
                        ldrhImm(4, 0, 6));
        run();
        assertEquals(0xCAFE_BABE, t.word(D + 4));
        assertEquals(0xBE, t.word(D + 8) & 0xFF);
        assertEquals(0xBABE, t.word(D + 12) & 0xFFFF);
        assertEquals(0xCAFE_BABE, t.reg(2));
        assertEquals(0xBE, t.reg(3));
        assertEquals(0xBABE, t.reg(4));
    }

    @Test
    void registerOffsetLoadsSignExtendWhenSigned() throws Exception {
        t.putWord(D + 8, 0x8081_F0FE);
        t.set(0, D).set(1, 8)
                .code(lsReg(3, 2, 0, 1), lsReg(7, 3, 0, 1), lsReg(4, 4, 0, 1), lsReg(6, 5, 0, 1), lsReg(5, 6, 0, 1));
        run();
        assertEquals(0xFFFF_FFFE, t.reg(2), "LDRSB");
        assertEquals(0xFFFF_F0FE, t.reg(3), "LDRSH");
        assertEquals(0x8081_F0FE, t.reg(4), "LDR");
        assertEquals(0xFE, t.reg(5), "LDRB");
    }

    @Test
    void registerOffsetStoresWriteOnlyTheirWidth() throws Exception {
        t.putWord(D, 0);
        t.putWord(D + 4, 0);
        t.set(0, D).set(1, 4).set(2, 2).set(3, 0x1234_5678).set(4, 0)
                .code(lsReg(0, 3, 0, 1), lsReg(1, 3, 0, 2), lsReg(2, 3, 0, 4));
        run();
        assertEquals(0x5678_0078, t.word(D));
        assertEquals(0x1234_5678, t.word(D + 4));
    }

    @Test
    void literalLoadUsesTheWordAlignedPc() throws Exception {
        // at CODE+0: LDR r0,[PC,#4] -> Align(CODE+4,4)+4 = CODE+8
        t.code(ldrLiteral(0, 1), b(2), NOP, NOP, 0x5678, 0x1234);
        run();
        assertEquals(0x1234_5678, t.reg(0));
    }

    @Test
    void spRelativeStoreAndLoadAddressTheStack() throws Exception {
        t.set(3, 77).code(subSp(2), strSp(3, 1), ldrSp(4, 1), addSp(2));
        run();
        assertEquals(77, t.reg(4));
        assertEquals(77, t.word(TestTarget.STACK_TOP - 4));
    }

    @Test
    void pushAndPopRestoreRegistersInOrder() throws Exception {
        t.set(1, 11).set(2, 22).set(4, 44)
                .code(push(0b10110, true), movs(1, 0), movs(2, 0), movs(4, 0), pop(0b10110, false), pop(0b1, false));
        t.set(CoreRegister.LR, 0x5555);
        run();
        assertEquals(11, t.reg(1));
        assertEquals(22, t.reg(2));
        assertEquals(44, t.reg(4));
        assertEquals(0x5555, t.reg(0), "LR was pushed last, popped into r0");
        assertEquals(TestTarget.STACK_TOP, t.get(CoreRegister.SP));
        assertEquals(44, t.word(TestTarget.STACK_TOP - 8));
    }

    @Test
    void popIntoPcBranchesAndSkipsTheFollowingInstruction() throws Exception {
        t.set(5, 0).set(0, (TestTarget.CODE + 8) | 1).code(push(0b1, false), pop(0, true), movs(5, 9), movs(5, 9));
        run();
        assertEquals(0, t.reg(5));
        assertEquals(TestTarget.STACK_TOP, t.get(CoreRegister.SP));
    }

    @Test
    void stmAndLdmWriteBackUnlessTheBaseIsLoaded() throws Exception {
        t.set(0, D).set(1, 1).set(2, 2).set(3, 3).set(4, D)
                .code(stm(0, 0b1110), ldm(4, 0b10110));
        run();
        assertEquals(D + 12, t.reg(0));
        assertEquals(1, t.word(D));
        assertEquals(3, t.word(D + 8));
        assertEquals(1, t.reg(1));
        assertEquals(2, t.reg(2));
        assertEquals(3, t.reg(4), "base in the list: loaded value, no write-back");
    }

    @Test
    void unalignedWordLoadRaisesHardFault() throws Exception {
        t.vectors(java.util.Map.of(3, TestTarget.CODE + 0x80));
        t.mcu.writeRam(TestTarget.CODE + 0x80, new byte[] {0x00, (byte) 0xBE});
        t.set(0, D + 2).code(ldrImm(1, 0, 0));
        assertEquals(RunOutcome.HALTED, t.run());
        assertEquals(TestTarget.CODE + 0x80, t.pc(), "halted at the BKPT in the HardFault handler");
        assertEquals(3, t.get(CoreRegister.XPSR) & 0x3F);
        assertEquals(TestTarget.CODE, t.word(t.get(CoreRegister.SP) + 24), "stacked PC is the faulting load");
    }

    @Test
    void loadFromUnmappedAddressRaisesHardFault() throws Exception {
        t.vectors(java.util.Map.of(3, TestTarget.CODE + 0x80));
        t.mcu.writeRam(TestTarget.CODE + 0x80, new byte[] {0x00, (byte) 0xBE});
        t.set(0, 0x3000_0000).code(ldrImm(1, 0, 0));
        assertEquals(RunOutcome.HALTED, t.run());
        assertEquals(TestTarget.CODE + 0x80, t.pc());
    }
}
