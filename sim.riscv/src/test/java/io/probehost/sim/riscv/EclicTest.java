package io.probehost.sim.riscv;

import static io.probehost.sim.riscv.ControlStatusRegisters.MCAUSE;
import static io.probehost.sim.riscv.ControlStatusRegisters.MEPC;
import static io.probehost.sim.riscv.ControlStatusRegisters.MINTSTATUS;
import static io.probehost.sim.riscv.ControlStatusRegisters.MSTATUS;
import static io.probehost.sim.riscv.ControlStatusRegisters.MSUBM;
import static io.probehost.sim.riscv.ControlStatusRegisters.MTVEC;
import static io.probehost.sim.riscv.ControlStatusRegisters.MTVT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.AccessSize;
import org.junit.jupiter.api.Test;

/** ECLIC mode of the hart: vectored and non-vectored timer interrupts, jalmnxti, mret, push CSRs, exceptions. */
class EclicTest {
    private static final int HANDLER = TestHart.RAM + 0x200;
    private static final int TIMER_IE = 0x1000 + 4 * Eclic.TIMER_SOURCE + 1;
    private static final int TIMER_ATTR = TIMER_IE + 1;
    /** Interrupt, MPP = 3, MPIE = 1, MPIL = 0, id 7. */
    private static final int TIMER_MCAUSE = 0xB800_0007;

    private final Eclic eclic = new Eclic();
    private final TestHart t = new TestHart();

    EclicTest() {
        t.hart.attachEclic(eclic);
        t.hart.writeCsr(MTVEC, TestHart.VECTOR | 3);
        t.hart.writeCsr(MTVT, TestHart.DATA);
        t.poke(TestHart.DATA + 4 * Eclic.TIMER_SOURCE, AccessSize.WORD, HANDLER);
        eclic.write(TIMER_IE, AccessSize.BYTE, 1);
        t.code(Rv.NOP, Rv.NOP);
    }

    private void raiseTimerWithInterruptsOn() {
        t.hart.writeCsr(MSTATUS, ControlStatusRegisters.MSTATUS_MIE);
        t.hart.setInterruptPending(TrapCause.MACHINE_TIMER_INTERRUPT, true);
    }

    @Test
    void aVectoredInterruptJumpsThroughMtvtAndMretRestoresTheLevel() {
        eclic.write(TIMER_ATTR, AccessSize.BYTE, 1);
        t.poke(HANDLER, AccessSize.WORD, Rv.MRET);
        raiseTimerWithInterruptsOn();
        t.step(1);
        assertEquals(HANDLER, t.hart.pc());
        assertEquals(TIMER_MCAUSE, t.csr(MCAUSE));
        assertEquals(TestHart.RAM, t.csr(MEPC));
        assertEquals(0xFF << 24, t.csr(MINTSTATUS), "level 255 with nlbits 0");
        assertEquals(1 << 6, t.csr(MSUBM), "TYP interrupt");
        assertEquals(0x1880, t.csr(MSTATUS), "MIE off, MPIE on");
        t.hart.setInterruptPending(TrapCause.MACHINE_TIMER_INTERRUPT, false);
        t.step(1);
        assertEquals(TestHart.RAM, t.hart.pc());
        assertEquals(0, t.csr(MINTSTATUS));
        assertEquals(0, t.csr(MSUBM));
    }

    @Test
    void aNonVectoredInterruptEntersAtMtvecAndJalmnxtiCallsItsHandler() {
        t.poke(TestHart.VECTOR, AccessSize.WORD, Rv.csr(1, 1, ControlStatusRegisters.JALMNXTI, 1));
        raiseTimerWithInterruptsOn();
        t.set(1, 0x1234);
        t.step(1);
        assertEquals(TestHart.VECTOR, t.hart.pc());
        t.step(1);
        assertEquals(HANDLER, t.hart.pc());
        assertEquals(TestHart.VECTOR + 4, t.x(1), "ra: back after the jalmnxti");
        assertTrue((t.csr(MSTATUS) & ControlStatusRegisters.MSTATUS_MIE) != 0, "interrupts on in the handler");
        assertEquals(TIMER_MCAUSE, t.csr(MCAUSE));
    }

    @Test
    void jalmnxtiFallsThroughWhenNothingIsPending() {
        t.poke(TestHart.VECTOR, AccessSize.WORD, Rv.csr(1, 1, ControlStatusRegisters.JALMNXTI, 1));
        t.hart.setPc(TestHart.VECTOR);
        t.set(1, 0x1234);
        t.step(1);
        assertEquals(TestHart.VECTOR + 4, t.hart.pc());
        assertEquals(0x1234, t.x(1));
    }

    @Test
    void anExceptionGoesToTheMtvecBaseWithTheEclicMcause() {
        TestHart hart = new TestHart().code(Rv.ECALL);
        hart.hart.attachEclic(eclic);
        hart.hart.writeCsr(MTVEC, TestHart.VECTOR | 3);
        hart.step(1);
        assertEquals(TestHart.VECTOR, hart.hart.pc());
        assertEquals(0x3000_000B, hart.csr(MCAUSE), "MPP 3, MPIE 0, code 11");
        assertEquals(2 << 6, hart.csr(MSUBM), "TYP exception");
    }

    @Test
    void pushmcauseStoresMcauseOnTheStack() {
        TestHart hart = new TestHart().code(Rv.csr(5, 0, ControlStatusRegisters.PUSHMCAUSE, 3));
        hart.hart.attachEclic(eclic);
        hart.hart.writeCsr(MCAUSE, 0x1234);
        hart.set(2, TestHart.DATA);
        hart.step(1);
        assertEquals(0x1234, hart.peek(TestHart.DATA + 12, AccessSize.WORD));
    }

    @Test
    void wfiEndsForAnEnabledSourceEvenWithInterruptsOff() {
        TestHart hart = new TestHart().code(Rv.WFI, Rv.NOP);
        hart.hart.attachEclic(eclic);
        hart.hart.writeCsr(MTVEC, TestHart.VECTOR | 3);
        hart.step(1);
        assertFalse(hart.hart.canRun());
        hart.hart.setInterruptPending(TrapCause.MACHINE_TIMER_INTERRUPT, true);
        assertTrue(hart.hart.canRun());
        hart.step(1);
        assertEquals(TestHart.RAM + 8, hart.hart.pc(), "woken: the nop ran, no trap with MIE off");
    }

    @Test
    void levelsFollowNlbitsAndMth() {
        eclic.write(0x0, AccessSize.BYTE, 2 << 1);
        eclic.write(0x1000 + 4 * Eclic.TIMER_SOURCE + 3, AccessSize.BYTE, 0x40);
        assertEquals(0x7F, eclic.level(Eclic.TIMER_SOURCE), "nlbits 2: ctl 0x4F -> level 0x40 | 0x3F");
        eclic.setLine(Eclic.TIMER_SOURCE, true);
        assertEquals(Eclic.TIMER_SOURCE, eclic.select(0));
        assertEquals(-1, eclic.select(0x7F), "not above the current level");
        eclic.write(0xB, AccessSize.BYTE, 0x7F);
        assertEquals(-1, eclic.select(0), "not above mth");
        assertEquals(0x4F, eclic.read(0x1000 + 4 * Eclic.TIMER_SOURCE + 3, AccessSize.BYTE));
        assertEquals(1, eclic.read(0x1000 + 4 * Eclic.TIMER_SOURCE, AccessSize.BYTE), "ip follows the line");
    }
}
