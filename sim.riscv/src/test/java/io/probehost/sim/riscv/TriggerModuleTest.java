package io.probehost.sim.riscv;

import static io.probehost.sim.riscv.TriggerModule.ACTION_SHIFT;
import static io.probehost.sim.riscv.TriggerModule.DMODE;
import static io.probehost.sim.riscv.TriggerModule.EXECUTE;
import static io.probehost.sim.riscv.TriggerModule.HIT;
import static io.probehost.sim.riscv.TriggerModule.LOAD;
import static io.probehost.sim.riscv.TriggerModule.M;
import static io.probehost.sim.riscv.TriggerModule.MATCH_SHIFT;
import static io.probehost.sim.riscv.TriggerModule.STORE;
import static io.probehost.sim.riscv.TriggerModule.TDATA1;
import static io.probehost.sim.riscv.TriggerModule.TDATA2;
import static io.probehost.sim.riscv.TriggerModule.TSELECT;
import static io.probehost.sim.riscv.TriggerModule.TYPE_MCONTROL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.AccessSize;
import org.junit.jupiter.api.Test;

/** mcontrol triggers: execute, load, store; breakpoint exception or Debug Mode; WARL rules. */
class TriggerModuleTest {
    private static final int DEBUG_ACTION = DMODE | 1 << ACTION_SHIFT | M;

    /** Halts the hart, programs trigger {@code index} from Debug Mode, resumes at RAM. */
    private static void program(TestHart t, int index, int tdata1, int address) {
        t.hart.setHaltRequest(true);
        t.step(1);
        t.hart.setHaltRequest(false);
        t.hart.writeCsr(TSELECT, index);
        t.hart.writeCsr(TDATA1, tdata1);
        t.hart.writeCsr(TDATA2, address);
        t.hart.writeCsr(DebugState.DPC, TestHart.RAM);
        t.hart.resume();
    }

    @Test
    void anExecuteTriggerHaltsBeforeTheInstructionAndSetsHit() {
        TestHart t = new TestHart().code(Rv.addi(1, 0, 1), Rv.addi(2, 0, 2), Rv.addi(3, 0, 3));
        program(t, 1, DEBUG_ACTION | EXECUTE, TestHart.RAM + 8);
        t.step(5);
        assertEquals(HaltCause.TRIGGER, t.hart.haltCause());
        assertEquals(TestHart.RAM + 8, t.csr(DebugState.DPC));
        assertEquals(2, t.x(2));
        assertEquals(0, t.x(3));
        t.hart.writeCsr(TSELECT, 1);
        assertTrue((t.csr(TDATA1) & HIT) != 0);
    }

    @Test
    void loadAndStoreTriggersHaltBeforeTheAccess() {
        TestHart t = new TestHart().code(Rv.store(2, 1, 4, 0), Rv.load(2, 3, 4, 0)).set(1, 0x55).set(4, TestHart.DATA);
        program(t, 0, DEBUG_ACTION | STORE, TestHart.DATA);
        t.step(1);
        assertEquals(HaltCause.TRIGGER, t.hart.haltCause());
        assertEquals(TestHart.RAM, t.csr(DebugState.DPC));
        assertEquals(0, t.peek(TestHart.DATA, AccessSize.WORD), "the store did not happen");

        t.hart.writeCsr(TDATA1, DEBUG_ACTION | LOAD);
        t.hart.resume();
        t.step(2);
        assertEquals(0x55, t.peek(TestHart.DATA, AccessSize.WORD));
        assertEquals(HaltCause.TRIGGER, t.hart.haltCause());
        assertEquals(TestHart.RAM + 4, t.csr(DebugState.DPC));
        assertEquals(0, t.x(3), "the load did not happen");
    }

    @Test
    void actionZeroRaisesABreakpointExceptionWithTheAddress() {
        TestHart t = new TestHart().code(Rv.NOP, Rv.NOP);
        program(t, 0, M | EXECUTE, TestHart.RAM + 4);
        t.step(2);
        assertFalse(t.hart.halted());
        assertEquals(3, t.csr(ControlStatusRegisters.MCAUSE));
        assertEquals(TestHart.RAM + 4, t.csr(ControlStatusRegisters.MEPC));
        assertEquals(TestHart.RAM + 4, t.csr(ControlStatusRegisters.MTVAL));
    }

    @Test
    void machineModeCannotClaimDebugModeOrTouchADebugTrigger() {
        TestHart t = new TestHart();
        t.hart.writeCsr(TDATA1, DEBUG_ACTION | EXECUTE);
        assertEquals(TYPE_MCONTROL | M | EXECUTE, t.csr(TDATA1), "dmode and action 1 need Debug Mode");
        t.hart.writeCsr(TDATA1, M | TriggerModule.U | 1 << 5 | EXECUTE | 1 << 19 | 1 << 11);
        assertEquals(TYPE_MCONTROL | M | TriggerModule.U | EXECUTE, t.csr(TDATA1), "u kept; s, select, chain read 0");
        program(t, 0, DEBUG_ACTION | EXECUTE, TestHart.RAM + 0x20);
        t.hart.writeCsr(TDATA1, 0);
        t.hart.writeCsr(TDATA2, 0);
        assertEquals(TYPE_MCONTROL | DEBUG_ACTION | EXECUTE, t.csr(TDATA1));
        assertEquals(TestHart.RAM + 0x20, t.csr(TDATA2));
    }

    @Test
    void typeStaysMcontrolAndTselectStopsAtTheCount() {
        TestHart t = new TestHart();
        t.hart.writeCsr(TSELECT, 3);
        t.hart.writeCsr(TDATA1, 0);
        assertEquals(TYPE_MCONTROL, t.csr(TDATA1));
        t.hart.writeCsr(TSELECT, Hart.DEFAULT_TRIGGERS);
        assertEquals(3, t.csr(TSELECT));
    }

    @Test
    void matchAtLeastAndBelowCompareUnsigned() {
        TestHart t = new TestHart().code(Rv.NOP, Rv.NOP, Rv.NOP);
        program(t, 0, DEBUG_ACTION | EXECUTE | 2 << MATCH_SHIFT, TestHart.RAM + 8);
        t.step(4);
        assertEquals(TestHart.RAM + 8, t.csr(DebugState.DPC));
        t.hart.writeCsr(TDATA1, DEBUG_ACTION | EXECUTE | 3 << MATCH_SHIFT);
        t.hart.writeCsr(TDATA2, TestHart.RAM + 4);
        t.hart.writeCsr(DebugState.DPC, TestHart.RAM + 4);
        t.hart.resume();
        t.step(1);
        assertFalse(t.hart.halted(), "0x80000004 is not below itself");
    }

    @Test
    void triggersDoNotFireInDebugMode() {
        TestHart t = new TestHart().set(8, TestHart.DATA);
        program(t, 0, DEBUG_ACTION | LOAD, TestHart.DATA);
        t.hart.setHaltRequest(true);
        t.step(1);
        assertTrue(t.hart.executeProgramBuffer(new int[] {Rv.load(2, 9, 8, 0)}, 10));
    }
}
