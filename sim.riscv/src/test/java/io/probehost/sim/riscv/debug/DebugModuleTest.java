package io.probehost.sim.riscv.debug;

import static io.probehost.sim.riscv.debug.DebugModule.ABSTRACTAUTO;
import static io.probehost.sim.riscv.debug.DebugModule.ABSTRACTCS;
import static io.probehost.sim.riscv.debug.DebugModule.COMMAND;
import static io.probehost.sim.riscv.debug.DebugModule.DATA0;
import static io.probehost.sim.riscv.debug.DebugModule.DMCONTROL;
import static io.probehost.sim.riscv.debug.DebugModule.DMSTATUS;
import static io.probehost.sim.riscv.debug.DebugModule.HALTSUM0;
import static io.probehost.sim.riscv.debug.DebugModule.PROGBUF0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.mcu.bus.Memory;
import io.probehost.sim.mcu.bus.SystemBus;
import io.probehost.sim.riscv.DebugState;
import io.probehost.sim.riscv.HaltCause;
import io.probehost.sim.riscv.Hart;
import io.probehost.sim.riscv.HartIdentity;
import io.probehost.sim.riscv.MisalignedAccess;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Debug Module over its DMI registers, with the command words of the debug spec's examples. */
class DebugModuleTest {
    private static final int RAM = 0x2000_0000;
    private static final int DMACTIVE = 1;
    private static final int HALTREQ = 1 << 31 | DMACTIVE;
    private static final int RESUMEREQ = 1 << 30 | DMACTIVE;
    private static final int READ_S0 = 0x0022_1008;
    private static final int WRITE_S0 = 0x0023_1008;
    private static final int READ_DPC = 0x0022_07B1;
    private static final int WRITE_S0_POSTEXEC = 0x0027_1008;
    private static final int READ_WORD_MEMORY = 0x0220_0000;
    private static final int WRITE_WORD_MEMORY_POSTINCREMENT = 0x0229_0000;
    private static final int ADDI_S0_S0_1 = 0x0014_0413;
    private static final int LW_S1_0_S0 = 0x0004_2483;

    private final Memory ram = new Memory(0x1000);
    private final Hart hart = new Hart(new SystemBus().map(RAM, 0x1000, ram), new VirtualClock(),
            MisalignedAccess.TRAP, HartIdentity.GENERIC, Hart.GD32VF103_CLOCK_HZ);
    private final List<Boolean> ndmresets = new ArrayList<>();
    private final DebugModule dm = new DebugModule(hart, new SystemBus().map(RAM, 0x1000, ram), ndmresets::add);

    DebugModuleTest() throws BusFault {
        ram.write(0, AccessSize.WORD, 0x0000_006F); // j . (an endless loop)
        hart.reset(RAM);
    }

    private void halt() {
        dm.write(DMCONTROL, HALTREQ);
        hart.step();
        dm.write(DMCONTROL, DMACTIVE);
    }

    private int cmderr() {
        return dm.read(ABSTRACTCS) >>> 8 & 7;
    }

    @Test
    void aDeactivatedModuleReadsZeroAndIgnoresWrites() {
        dm.write(DATA0, 5);
        assertEquals(0, dm.read(DMSTATUS));
        dm.write(DMCONTROL, DMACTIVE);
        assertEquals(0, dm.read(DATA0));
        assertEquals(DMACTIVE, dm.read(DMCONTROL));
    }

    @Test
    void dmstatusAndAbstractcsDescribeTheGd32vf103Module() {
        dm.write(DMCONTROL, DMACTIVE);
        int status = dm.read(DMSTATUS);
        assertEquals(2, status & 0xF, "version 0.13");
        assertTrue((status & 1 << 7) != 0, "authenticated");
        assertTrue((status & 1 << 5) != 0, "hasresethaltreq");
        assertTrue((status & 1 << 22) != 0, "impebreak");
        assertEquals(3 << 10, status & 3 << 10, "all running");
        assertEquals(3 << 18, status & 3 << 18, "havereset after power-on");
        assertEquals(0x0200_0004, dm.read(ABSTRACTCS), "progbufsize 2, datacount 4");
        assertEquals(0, dm.read(0x38), "sbcs: no System Bus Access");
    }

    @Test
    void haltThenResumeWithResumeAck() {
        dm.write(DMCONTROL, DMACTIVE);
        halt();
        assertEquals(3 << 8, dm.read(DMSTATUS) & (3 << 8 | 3 << 10), "all halted");
        assertEquals(1, dm.read(HALTSUM0));
        assertEquals(HaltCause.HALT_REQUEST, hart.haltCause());
        dm.write(DMCONTROL, RESUMEREQ);
        assertFalse(hart.halted());
        assertEquals(3 << 16, dm.read(DMSTATUS) & 3 << 16, "all resume ack");
        assertEquals(0, dm.read(HALTSUM0));
    }

    @Test
    void ackhaveresetClearsHavereset() {
        dm.write(DMCONTROL, 1 << 28 | DMACTIVE);
        assertEquals(0, dm.read(DMSTATUS) & 3 << 18);
        dm.hartReset();
        assertEquals(3 << 18, dm.read(DMSTATUS) & 3 << 18);
    }

    @Test
    void onlyHartZeroExists() {
        dm.write(DMCONTROL, 0x03FF_FFC1);
        assertEquals(0x03FF_0001, dm.read(DMCONTROL), "ten hartsello bits, no hartselhi");
        assertEquals(3 << 14, dm.read(DMSTATUS) & 3 << 14, "nonexistent");
        dm.write(DMCONTROL, HALTREQ | 1 << 16);
        hart.step();
        assertFalse(hart.halted(), "hart 0 not selected");
    }

    @Test
    void accessRegisterReadsAndWritesGprsAndDpc() {
        dm.write(DMCONTROL, DMACTIVE);
        halt();
        dm.write(DATA0, 0x1234);
        dm.write(COMMAND, WRITE_S0);
        assertEquals(0x1234, hart.register(8));
        hart.setRegister(8, 0x5678);
        dm.write(COMMAND, READ_S0);
        assertEquals(0x5678, dm.read(DATA0));
        dm.write(COMMAND, READ_DPC);
        assertEquals(RAM, dm.read(DATA0));
        assertEquals(0, cmderr());
    }

    @Test
    void failuresSetCmderrWhichBlocksCommandsUntilCleared() {
        dm.write(DMCONTROL, DMACTIVE);
        dm.write(COMMAND, READ_S0);
        assertEquals(4, cmderr(), "hart running");
        halt();
        dm.write(COMMAND, WRITE_S0);
        assertEquals(4, cmderr(), "still set: the command did not run");
        dm.write(ABSTRACTAUTO, 1);
        dm.write(ABSTRACTCS, 0x700);
        hart.setRegister(8, 0x55);
        dm.write(DATA0, 0x77);
        dm.write(ABSTRACTAUTO, 0);
        assertEquals(0x55, hart.register(8), "WRITE_S0 was ignored: the data0 write repeated READ_S0");
        assertEquals(0x55, dm.read(DATA0));
        assertEquals(0, cmderr());
        dm.write(COMMAND, 0x0022_0FFF);
        assertEquals(3, cmderr(), "no such CSR");
        dm.write(ABSTRACTCS, 0x700);
        dm.write(COMMAND, 0x0032_1008);
        assertEquals(2, cmderr(), "64-bit access to a 32-bit register");
        dm.write(ABSTRACTCS, 0x700);
        dm.write(COMMAND, 0x0100_0000);
        assertEquals(2, cmderr(), "no Quick Access");
        dm.write(ABSTRACTCS, 0x700);
        assertEquals(0, cmderr());
    }

    @Test
    void postexecRunsTheProgramBufferWithItsImplicitEbreak() {
        dm.write(DMCONTROL, DMACTIVE);
        halt();
        dm.write(PROGBUF0, ADDI_S0_S0_1);
        dm.write(PROGBUF0 + 1, ADDI_S0_S0_1);
        dm.write(DATA0, 40);
        dm.write(COMMAND, WRITE_S0_POSTEXEC);
        assertEquals(0, cmderr());
        assertEquals(42, hart.register(8));
        assertTrue(hart.halted());
    }

    @Test
    void anExceptionInTheProgramBufferIsCmderrThree() {
        dm.write(DMCONTROL, DMACTIVE);
        halt();
        dm.write(PROGBUF0, LW_S1_0_S0);
        dm.write(DATA0, 0x4000_0000);
        dm.write(COMMAND, WRITE_S0_POSTEXEC);
        assertEquals(3, cmderr());
        assertEquals(RAM, hart.readCsr(DebugState.DPC));
    }

    @Test
    void accessMemoryWritesWithPostincrementAndReadsBack() throws BusFault {
        dm.write(DMCONTROL, DMACTIVE);
        halt();
        dm.write(DATA0 + 1, RAM + 0x100);
        dm.write(DATA0, 0x1111);
        dm.write(COMMAND, WRITE_WORD_MEMORY_POSTINCREMENT);
        dm.write(DATA0, 0x2222);
        dm.write(COMMAND, WRITE_WORD_MEMORY_POSTINCREMENT);
        assertEquals(RAM + 0x108, dm.read(DATA0 + 1));
        assertEquals(0x2222, ram.read(0x104, AccessSize.WORD));
        dm.write(DATA0 + 1, RAM + 0x100);
        dm.write(COMMAND, READ_WORD_MEMORY);
        assertEquals(0x1111, dm.read(DATA0));
        dm.write(DATA0 + 1, 0x4000_0000);
        dm.write(COMMAND, READ_WORD_MEMORY);
        assertEquals(5, cmderr(), "bus error");
    }

    @Test
    void memoryIsOutOfReachWhileTheHartRuns() {
        dm.write(DMCONTROL, DMACTIVE);
        dm.write(DATA0 + 1, RAM);
        dm.write(COMMAND, READ_WORD_MEMORY);
        assertEquals(4, cmderr());
    }

    @Test
    void abstractautoRepeatsTheCommandOnEachData0Access() throws BusFault {
        dm.write(DMCONTROL, DMACTIVE);
        halt();
        dm.write(DATA0 + 1, RAM + 0x200);
        dm.write(DATA0, 7);
        dm.write(COMMAND, WRITE_WORD_MEMORY_POSTINCREMENT);
        dm.write(ABSTRACTAUTO, 1);
        dm.write(DATA0, 8);
        dm.write(DATA0, 9);
        dm.write(ABSTRACTAUTO, 0);
        assertEquals(9, ram.read(0x208, AccessSize.WORD));
        assertEquals(RAM + 0x20C, dm.read(DATA0 + 1));
    }

    @Test
    void resetHaltRequestAndNdmresetReachHartAndChip() {
        dm.write(DMCONTROL, 1 << 3 | DMACTIVE);
        hart.reset(RAM);
        assertEquals(HaltCause.RESET_HALT_REQUEST, hart.haltCause());
        dm.write(DMCONTROL, 1 << 2 | DMACTIVE);
        hart.reset(RAM);
        assertFalse(hart.halted());
        dm.write(DMCONTROL, 1 << 1 | DMACTIVE);
        assertEquals(3, dm.read(DMCONTROL) & 3);
        dm.write(DMCONTROL, DMACTIVE);
        assertEquals(List.of(true, false), ndmresets);
    }

    @Test
    void deactivatingDropsTheHaltRequest() {
        dm.write(DMCONTROL, HALTREQ);
        dm.write(DMCONTROL, 0);
        hart.step();
        assertFalse(hart.halted());
    }
}
