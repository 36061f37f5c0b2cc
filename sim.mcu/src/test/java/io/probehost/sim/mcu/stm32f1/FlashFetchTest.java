package io.probehost.sim.mcu.stm32f1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.mcu.RunOutcome;
import io.probehost.sim.mcu.cpu.CoreRegister;
import io.probehost.sim.mcu.fpec.Fpec;
import org.junit.jupiter.api.Test;

/** Flash the core has been executing from, reprogrammed through the FPEC, is what the next fetch sees. */
class FlashFetchTest {
    private static final int CODE = 0x0800_1000;
    private static final int MOVS_R2_1 = 0x2201;
    private static final int MOVS_R2_7 = 0x2207;
    private static final int BKPT = 0xBE00;

    private static RunOutcome runFrom(Stm32f103 mcu, int pc) throws InterruptedException {
        mcu.writeCoreRegister(CoreRegister.XPSR, 1 << 24);
        mcu.writeCoreRegister(CoreRegister.PC, pc);
        return mcu.runUntilHalted(1_000);
    }

    @Test
    void halfwordsProgrammedThroughTheFpecRunAtTheNextFetch() throws Exception {
        try (Stm32f103 mcu = Stm32f103.create(null)) {
            mcu.resetAndHalt();
            mcu.loadFlash(CODE + 0x10, new byte[] {(byte) MOVS_R2_1, MOVS_R2_1 >> 8, 0x00, (byte) (BKPT >> 8)});
            assertEquals(RunOutcome.HALTED, runFrom(mcu, CODE + 0x10));
            assertEquals(1, mcu.readCoreRegister(CoreRegister.general(2)));
            MemoryPort debugger = mcu.debugBus();
            debugger.write(Fpec.BASE + Fpec.KEYR, AccessSize.WORD, Fpec.KEY1);
            debugger.write(Fpec.BASE + Fpec.KEYR, AccessSize.WORD, Fpec.KEY2);
            debugger.write(Fpec.BASE + Fpec.CR, AccessSize.WORD, Fpec.CR_PG);
            debugger.write(CODE, AccessSize.HALFWORD, MOVS_R2_7);
            debugger.write(CODE + 2, AccessSize.HALFWORD, BKPT);
            assertEquals(RunOutcome.HALTED, runFrom(mcu, CODE));
            assertEquals(7, mcu.readCoreRegister(CoreRegister.general(2)));
        }
    }
}
