package io.probehost.sim.riscv;

import static io.probehost.sim.riscv.ControlStatusRegisters.MCAUSE;
import static io.probehost.sim.riscv.ControlStatusRegisters.MEPC;
import static io.probehost.sim.riscv.ControlStatusRegisters.MIE;
import static io.probehost.sim.riscv.ControlStatusRegisters.MSTATUS;
import static io.probehost.sim.riscv.ControlStatusRegisters.MTVAL;
import static io.probehost.sim.riscv.ControlStatusRegisters.MTVEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exceptions, MRET, interrupts (direct and vectored), WFI. */
class TrapTest {

    private static void assertTrap(TestHart t, int mcause, int mepc, int mtval) {
        assertEquals(mcause, t.csr(MCAUSE), "mcause");
        assertEquals(mepc, t.csr(MEPC), "mepc");
        assertEquals(mtval, t.csr(MTVAL), "mtval");
        assertEquals(TestHart.VECTOR, t.hart.pc(), "pc at mtvec");
    }

    @Test
    void ecallAndEbreakTrapWithZeroMtval() {
        TestHart t = new TestHart().code(Rv.ECALL).step(1);
        assertTrap(t, 11, TestHart.RAM, 0);
        t = new TestHart().code(Rv.EBREAK).step(1);
        assertTrap(t, 3, TestHart.RAM, 0);
        t = new TestHart().compressed(0x9002).step(1);
        assertTrap(t, 3, TestHart.RAM, 0);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x0400_0033, 0x0000_1067, 0x0000_2063, 0x0000_3003, 0x0000_6003, 0x0000_3023, 0x0200_1013,
        0x4200_5013, 0x4000_1033, 0x0000_302F, 0xF800_202F, 0x1010_202F, 0x1020_0073, 0x0000_4073, 0xC000_1073,
        0x7C00_22F3, 0xF140_1073, 0xFFFF_FFFF, 0x0000_200F, 0x0000_0007})
    void illegalInstructionTrapsWithItsEncodingInMtval(int instruction) {
        TestHart t = new TestHart().code(Rv.NOP, instruction).step(2);
        assertTrap(t, 2, TestHart.RAM + 4, instruction);
    }

    @Test
    void trapEntrySavesMieInMpieAndMretRestoresIt() {
        TestHart t = new TestHart().code(Rv.ECALL);
        t.hart.csrs().write(MSTATUS, ControlStatusRegisters.MSTATUS_MIE);
        t.poke(TestHart.VECTOR, io.probehost.sim.mcu.AccessSize.WORD, Rv.MRET);
        t.step(1);
        assertEquals(0x1880, t.csr(MSTATUS));
        t.hart.csrs().write(MEPC, TestHart.RAM + 4);
        t.step(1);
        assertEquals(TestHart.RAM + 4, t.hart.pc());
        assertEquals(0x1888, t.csr(MSTATUS));
    }

    @Test
    void accessFaultsCarryTheAddress() {
        TestHart t = new TestHart().set(1, TestHart.UNMAPPED).code(Rv.load(2, 2, 1, 8)).step(1);
        assertTrap(t, 5, TestHart.RAM, TestHart.UNMAPPED + 8);
        t = new TestHart().set(1, TestHart.UNMAPPED).code(Rv.store(0, 2, 1, -1)).step(1);
        assertTrap(t, 7, TestHart.RAM, TestHart.UNMAPPED - 1);
        t = new TestHart().set(1, TestHart.UNMAPPED).code(Rv.jalr(1, 1, 0)).step(2);
        assertTrap(t, 1, TestHart.UNMAPPED, TestHart.UNMAPPED);
        assertEquals(TestHart.RAM + 4, t.x(1), "the jump itself retired");
    }

    @Test
    void misalignedAccessesTrapWhenThePolicyIsTrap() {
        TestHart t = new TestHart().set(1, TestHart.DATA + 1).code(Rv.load(1, 2, 1, 0)).step(1);
        assertTrap(t, 4, TestHart.RAM, TestHart.DATA + 1);
        t = new TestHart().set(1, TestHart.DATA + 2).code(Rv.store(2, 2, 1, 0)).step(1);
        assertTrap(t, 6, TestHart.RAM, TestHart.DATA + 2);
    }

    @Test
    void interruptIsTakenOnlyWhenEnabledInMieAndMstatus() {
        TestHart t = new TestHart().code(Rv.NOP, Rv.NOP, Rv.NOP);
        t.hart.setInterruptPending(TrapCause.MACHINE_TIMER_INTERRUPT, true);
        t.step(1);
        assertEquals(TestHart.RAM + 4, t.hart.pc(), "mie clear");
        t.hart.csrs().write(MIE, 1 << 7);
        t.step(1);
        assertEquals(TestHart.RAM + 8, t.hart.pc(), "mstatus.MIE clear");
        t.hart.csrs().write(MSTATUS, ControlStatusRegisters.MSTATUS_MIE);
        t.step(1);
        assertTrap(t, 0x8000_0007, TestHart.RAM + 8, 0);
        assertEquals(0x1880, t.csr(MSTATUS));
    }

    @Test
    void vectoredModeSendsInterruptsToBasePlusFourTimesCauseButExceptionsToBase() {
        TestHart t = new TestHart().code(Rv.NOP, Rv.ECALL);
        t.hart.csrs().write(MTVEC, TestHart.VECTOR | 1);
        t.hart.csrs().write(MIE, 1 << 11);
        t.hart.csrs().write(MSTATUS, ControlStatusRegisters.MSTATUS_MIE);
        t.hart.setInterruptPending(TrapCause.MACHINE_EXTERNAL_INTERRUPT, true);
        t.step(1);
        assertEquals(TestHart.VECTOR + 44, t.hart.pc());
        t = new TestHart().code(Rv.ECALL);
        t.hart.csrs().write(MTVEC, TestHart.VECTOR | 1);
        t.step(1);
        assertEquals(TestHart.VECTOR, t.hart.pc());
    }

    @Test
    void externalInterruptWinsOverSoftwareAndTimer() {
        TestHart t = new TestHart().code(Rv.NOP);
        t.hart.csrs().write(MIE, 0x888);
        t.hart.csrs().write(MSTATUS, ControlStatusRegisters.MSTATUS_MIE);
        t.hart.setInterruptPending(TrapCause.MACHINE_TIMER_INTERRUPT, true);
        t.hart.setInterruptPending(TrapCause.MACHINE_SOFTWARE_INTERRUPT, true);
        t.step(1);
        assertEquals(0x8000_0003, t.csr(MCAUSE));
        t.hart.csrs().write(MSTATUS, ControlStatusRegisters.MSTATUS_MIE);
        t.hart.setInterruptPending(TrapCause.MACHINE_EXTERNAL_INTERRUPT, true);
        t.step(1);
        assertEquals(0x8000_000B, t.csr(MCAUSE));
    }

    @Test
    void wfiWaitsUntilAnEnabledInterruptIsPendingEvenWithInterruptsMasked() {
        TestHart t = new TestHart().code(Rv.WFI, Rv.addi(5, 0, 1));
        t.hart.csrs().write(MIE, 1 << 3);
        t.step(1);
        assertTrue(t.hart.waitingForInterrupt());
        assertEquals(0, t.hart.run(100), "no progress while waiting");
        t.hart.setInterruptPending(TrapCause.MACHINE_SOFTWARE_INTERRUPT, true);
        t.step(1);
        assertFalse(t.hart.waitingForInterrupt());
        assertEquals(1, t.x(5), "MIE clear: execution resumes after WFI");
    }
}
