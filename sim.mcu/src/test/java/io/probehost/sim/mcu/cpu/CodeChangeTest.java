package io.probehost.sim.mcu.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.mcu.RunOutcome;
import org.junit.jupiter.api.Test;

/**
 * The core reads SRAM and flash in place (see {@link DirectAccess}): code changed by the program
 * itself, by a debugger or by the flash controller must be what the next fetch sees.
 */
class CodeChangeTest {
    private static final int NVMC_CONFIG = 0x4001_E504;
    private static final int FLASH_CODE = 0x1000;

    private static RunOutcome runFrom(TestTarget t, int pc) throws InterruptedException {
        t.set(CoreRegister.XPSR, 1 << 24).set(CoreRegister.PC, pc);
        return t.mcu.runUntilHalted(1_000);
    }

    @Test
    void instructionStoredByTheProgramRunsAtItsNextFetch() throws Exception {
        try (TestTarget t = new TestTarget()) {
            // STRH r1, [r0, #4] overwrites the MOVS r2, #1 two instructions on with MOVS r2, #7
            t.code(Asm.strhImm(1, 0, 2), Asm.NOP, Asm.movs(2, 1));
            t.set(0, TestTarget.CODE).set(1, Asm.movs(2, 7));
            assertEquals(RunOutcome.HALTED, t.run());
            assertEquals(7, t.reg(2));
        }
    }

    @Test
    void debuggerWriteToCodeInRamIsSeenByTheNextRun() throws Exception {
        try (TestTarget t = new TestTarget()) {
            t.code(Asm.movs(2, 1));
            assertEquals(RunOutcome.HALTED, t.run());
            assertEquals(1, t.reg(2));
            t.mcu.debugBus().write(TestTarget.CODE, AccessSize.HALFWORD, Asm.movs(2, 9));
            assertEquals(RunOutcome.HALTED, runFrom(t, TestTarget.CODE));
            assertEquals(9, t.reg(2));
        }
    }

    @Test
    void flashProgrammedThroughTheNvmcIsFetchedAfterTheWriteCompletes() throws Exception {
        try (TestTarget t = new TestTarget()) {
            // run from flash first (at FLASH_CODE + 0x10), so that flash is being read in place
            t.mcu.loadFlash(FLASH_CODE + 0x10, new byte[] {0x01, 0x22, 0x00, (byte) 0xBE}); // MOVS r2, #1; BKPT
            assertEquals(RunOutcome.HALTED, runFrom(t, FLASH_CODE + 0x10));
            assertEquals(1, t.reg(2));
            MemoryPort debugger = t.mcu.debugBus();
            debugger.write(NVMC_CONFIG, AccessSize.WORD, 1);
            debugger.write(FLASH_CODE, AccessSize.WORD, (Asm.BKPT << 16) | Asm.movs(2, 7));
            long programmed = t.mcu.clock().nowNanos();
            assertEquals(RunOutcome.HALTED, runFrom(t, FLASH_CODE));
            assertEquals(7, t.reg(2));
            // the first fetch waited for the NVMC's word write (41 us), as a bus read of flash does
            assertTrue(t.mcu.clock().nowNanos() - programmed >= 41_000, "fetch did not wait for the NVMC");
        }
    }
}
