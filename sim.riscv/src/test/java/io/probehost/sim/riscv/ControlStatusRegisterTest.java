package io.probehost.sim.riscv;

import static io.probehost.sim.riscv.ControlStatusRegisters.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Zicsr semantics, the WARL masks, read-only and unknown CSRs, the counters. */
class ControlStatusRegisterTest {
    private static final int CSRRW = 1;
    private static final int CSRRS = 2;
    private static final int CSRRC = 3;
    private static final int CSRRWI = 5;
    private static final int CSRRSI = 6;
    private static final int CSRRCI = 7;

    @ParameterizedTest(name = "csr 0x{0}: write ones reads 0x{1}, write zero reads 0x{2}")
    @CsvSource({
        "300, 00001888, 00001800", "301, 40001105, 40001105", "304, 00000888, 00000000",
        "305, 80001000, 00000000", "310, 00000000, 00000000", "320, 00000005, 00000000",
        "340, ffffffff, 00000000", "341, fffffffe, 00000000", "342, ffffffff, 00000000",
        "343, ffffffff, 00000000", "344, 00000000, 00000000"})
    void writableFieldsFollowTheirWarlMasks(String csr, String afterOnes, String afterZero) {
        int number = Integer.parseInt(csr, 16);
        TestHart t = new TestHart().set(1, -1)
                .code(Rv.csr(CSRRW, 0, number, 1), Rv.csr(CSRRS, 2, number, 0), Rv.csr(CSRRW, 3, number, 0),
                        Rv.csr(CSRRS, 4, number, 0))
                .step(4);
        assertEquals(Integer.parseUnsignedInt(afterOnes, 16), t.x(2), "after ones");
        assertEquals(Integer.parseUnsignedInt(afterOnes, 16), t.x(3), "old value returned by CSRRW");
        assertEquals(Integer.parseUnsignedInt(afterZero, 16), t.x(4), "after zero");
    }

    @Test
    void mtvecIgnoresAWriteWithAReservedMode() {
        TestHart t = new TestHart().set(1, 0x8000_0102).set(2, 0x8000_0203)
                .code(Rv.csr(CSRRW, 0, MTVEC, 1), Rv.csr(CSRRW, 0, MTVEC, 2)).step(2);
        assertEquals(TestHart.VECTOR, t.csr(MTVEC));
    }

    @Test
    void setClearAndImmediateFormsReadOldValueAndModifyBits() {
        TestHart t = new TestHart().set(1, 0x1234_5678).set(2, 0xFF00).set(3, 0x1200_0000)
                .code(Rv.csr(CSRRW, 0, MSCRATCH, 1), Rv.csr(CSRRS, 10, MSCRATCH, 2), Rv.csr(CSRRC, 11, MSCRATCH, 3),
                        Rv.csr(CSRRWI, 12, MSCRATCH, 21), Rv.csr(CSRRSI, 13, MSCRATCH, 10), Rv.csr(CSRRCI, 14, MSCRATCH, 1),
                        Rv.csr(CSRRS, 15, MSCRATCH, 0))
                .step(7);
        assertEquals(0x1234_5678, t.x(10));
        assertEquals(0x1234_FF78, t.x(11));
        assertEquals(0x0034_FF78, t.x(12));
        assertEquals(21, t.x(13));
        assertEquals(31, t.x(14));
        assertEquals(30, t.x(15));
    }

    @Test
    void readOnlyCsrIsReadableButAnyWriteIsIllegal() {
        TestHart t = new TestHart().code(Rv.csr(CSRRS, 5, MHARTID, 0), Rv.csr(CSRRSI, 6, MVENDORID, 0)).step(2);
        assertEquals(TestHart.RAM + 8, t.hart.pc());
        int write = Rv.csr(CSRRC, 0, CYCLE, 1);
        t = new TestHart().set(1, 1).code(write).step(1);
        assertEquals(2, t.csr(MCAUSE));
        assertEquals(write, t.csr(MTVAL));
    }

    @Test
    void unknownCsrIsIllegal() {
        int read = Rv.csr(CSRRS, 5, 0x7C0, 0);
        TestHart t = new TestHart().code(read).step(1);
        assertEquals(2, t.csr(MCAUSE));
        assertEquals(read, t.csr(MTVAL));
    }

    @Test
    void minstretCountsRetiredInstructionsAndMcycleCountsTrapsToo() {
        TestHart t = new TestHart().code(Rv.NOP, Rv.NOP, Rv.ECALL);
        t.step(3);
        assertEquals(2, t.hart.instructionsRetired());
        assertEquals(3, t.hart.cycles());
        t.hart.syncClock();
        assertEquals(27, t.clock.nowNanos(), "3 cycles at 108 MHz");
    }

    @Test
    void writtenCounterValueIsWhatTheNextInstructionReads() {
        TestHart t = new TestHart().set(1, 100)
                .code(Rv.csr(CSRRW, 0, MINSTRET, 1), Rv.csr(CSRRS, 2, MINSTRET, 0), Rv.csr(CSRRS, 3, INSTRETH, 0)).step(3);
        assertEquals(100, t.x(2));
        assertEquals(0, t.x(3));
        assertEquals(102, t.hart.instructionsRetired());
    }

    @Test
    void mcountinhibitStopsTheCountersFromTheWritingInstructionOn() {
        TestHart t = new TestHart().set(1, 5).code(Rv.NOP, Rv.csr(CSRRW, 0, MCOUNTINHIBIT, 1), Rv.NOP, Rv.NOP).step(4);
        assertEquals(1, t.hart.instructionsRetired());
        assertEquals(1, t.hart.cycles());
    }
}
