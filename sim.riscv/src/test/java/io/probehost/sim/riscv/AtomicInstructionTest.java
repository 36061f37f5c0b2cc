package io.probehost.sim.riscv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.probehost.sim.mcu.AccessSize;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

/** A: LR/SC with one reservation, the nine AMOs, and their alignment and access traps. */
class AtomicInstructionTest {
    private static final int LR = 0x02;
    private static final int SC = 0x03;

    private static void assertAmo(String name, int funct5, IntBinaryOperator update) {
        for (int old : IntegerInstructionTest.EDGES) {
            for (int operand : IntegerInstructionTest.EDGES) {
                TestHart t = new TestHart().set(1, TestHart.DATA).set(2, operand).code(Rv.amo(funct5, 3, 1, 2));
                t.poke(TestHart.DATA, AccessSize.WORD, old);
                t.step(1);
                assertEquals(old, t.x(3), name + " returns the old value");
                assertEquals(update.applyAsInt(old, operand), t.peek(TestHart.DATA, AccessSize.WORD),
                        String.format("%s 0x%08X, 0x%08X", name, old, operand));
            }
        }
    }

    @Test
    void everyAmoWritesItsFunctionOfOldValueAndOperand() {
        assertAmo("amoswap", 0x01, (a, b) -> b);
        assertAmo("amoadd", 0x00, Integer::sum);
        assertAmo("amoxor", 0x04, (a, b) -> a ^ b);
        assertAmo("amoand", 0x0C, (a, b) -> a & b);
        assertAmo("amoor", 0x08, (a, b) -> a | b);
        assertAmo("amomin", 0x10, Math::min);
        assertAmo("amomax", 0x14, Math::max);
        assertAmo("amominu", 0x18, (a, b) -> Long.compare(a & 0xFFFF_FFFFL, b & 0xFFFF_FFFFL) <= 0 ? a : b);
        assertAmo("amomaxu", 0x1C, (a, b) -> Long.compare(a & 0xFFFF_FFFFL, b & 0xFFFF_FFFFL) >= 0 ? a : b);
    }

    @Test
    void scSucceedsOnceAfterLrAndFailsWithoutReservation() {
        TestHart t = new TestHart().set(1, TestHart.DATA).set(2, 42)
                .code(Rv.amo(LR, 3, 1, 0), Rv.amo(SC, 4, 1, 2), Rv.amo(SC, 5, 1, 2));
        t.poke(TestHart.DATA, AccessSize.WORD, 7);
        t.step(3);
        assertEquals(7, t.x(3));
        assertEquals(0, t.x(4));
        assertEquals(1, t.x(5));
        assertEquals(42, t.peek(TestHart.DATA, AccessSize.WORD));
    }

    @Test
    void scToAnotherAddressFailsAndDropsTheReservation() {
        TestHart t = new TestHart().set(1, TestHart.DATA).set(6, TestHart.DATA + 4).set(2, 42)
                .code(Rv.amo(LR, 3, 1, 0), Rv.amo(SC, 4, 6, 2), Rv.amo(SC, 5, 1, 2)).step(3);
        assertEquals(1, t.x(4));
        assertEquals(1, t.x(5));
        assertEquals(0, t.peek(TestHart.DATA + 4, AccessSize.WORD));
        assertEquals(0, t.peek(TestHart.DATA, AccessSize.WORD));
    }

    @Test
    void scFailsWhenMemoryNoLongerHoldsTheValueLrReadAsQemuDecides() {
        TestHart t = new TestHart().set(1, TestHart.DATA).set(2, 42).set(7, 9)
                .code(Rv.amo(LR, 3, 1, 0), Rv.store(2, 7, 1, 0), Rv.amo(SC, 4, 1, 2)).step(3);
        assertEquals(1, t.x(4));
        assertEquals(9, t.peek(TestHart.DATA, AccessSize.WORD));
    }

    @Test
    void misalignedLrTrapsAsLoadAndAmoAsStoreWhateverThePolicy() {
        TestHart t = new TestHart(MisalignedAccess.SPLIT).set(1, TestHart.DATA + 2)
                .code(Rv.amo(LR, 3, 1, 0)).step(1);
        assertEquals(4, t.csr(ControlStatusRegisters.MCAUSE));
        assertEquals(TestHart.DATA + 2, t.csr(ControlStatusRegisters.MTVAL));
        t = new TestHart(MisalignedAccess.SPLIT).set(1, TestHart.DATA + 1).code(Rv.amo(0x00, 3, 1, 2)).step(1);
        assertEquals(6, t.csr(ControlStatusRegisters.MCAUSE));
        assertEquals(TestHart.DATA + 1, t.csr(ControlStatusRegisters.MTVAL));
    }

    @Test
    void misalignedScWithoutReservationFailsWithoutTrapping() {
        TestHart t = new TestHart().set(1, TestHart.DATA + 2).code(Rv.amo(SC, 3, 1, 2)).step(1);
        assertEquals(1, t.x(3));
        assertEquals(TestHart.RAM + 4, t.hart.pc());
    }

    @Test
    void amoOnUnmappedAddressIsAStoreAccessFault() {
        TestHart t = new TestHart().set(1, TestHart.UNMAPPED).code(Rv.amo(0x08, 3, 1, 2)).step(1);
        assertEquals(7, t.csr(ControlStatusRegisters.MCAUSE));
        assertEquals(TestHart.UNMAPPED, t.csr(ControlStatusRegisters.MTVAL));
        t = new TestHart().set(1, TestHart.UNMAPPED).code(Rv.amo(LR, 3, 1, 0)).step(1);
        assertEquals(5, t.csr(ControlStatusRegisters.MCAUSE));
    }
}
