package io.probehost.sim.mcu.nrf51;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.RunOutcome;
import io.probehost.sim.mcu.cpu.Core;
import io.probehost.sim.mcu.cpu.CoreRegister;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Time a debug link lets elapse runs the core through exactly that time, on the link's clock. */
class LockstepTest {
    /** At 0x20000100: loop: adds r0,#1; b loop. */
    private static final byte[] COUNT_FOREVER = HexFormat.of().parseHex("0130fde7");
    /**
     * At 0x20000100: writes the word at 0x1000 (CONFIG = WEN first), waits for READY, bkpt:
     * movs r3,#1; ldr r4,=CONFIG; str r3,[r4]; ldr r5,=0x1000; movs r6,#0; str r6,[r5];
     * ldr r1,=READY; wait: ldr r2,[r1]; cmp r2,#0; beq wait; bkpt #0; literal pool.
     */
    private static final byte[] WRITE_WORD_AND_WAIT = HexFormat.of().parseHex(
            "0123054c2360054d00262e6004490a68002afcd000be000004e501400010000000e40140");

    @Test
    void elapsedTimeRunsTheCoreForTheCyclesThatFitIn() throws Exception {
        try (Nrf51822 mcu = Nrf51822.create(null)) {
            startAt(mcu, COUNT_FOREVER);
            long before = mcu.cycles();
            mcu.clock().elapse(1_000_000);
            long ran = mcu.cycles() - before;
            long perMillisecond = Core.CPU_HZ / 1000;
            assertTrue(ran >= perMillisecond && ran <= perMillisecond + 4, "cycles in 1 ms: " + ran);
        }
    }

    @Test
    void withoutALinkTheCoreRunsFreeAgainOnceAllowed() throws Exception {
        try (Nrf51822 mcu = Nrf51822.create(null)) {
            startAt(mcu, COUNT_FOREVER);
            mcu.setMayRunFree(true);
            mcu.halt();
            assertEquals(RunOutcome.CYCLE_LIMIT, mcu.runUntilHalted(100_000), "runs on its own thread");
        }
    }

    @Test
    void aWordWriteKeepsTheAlgorithmBusyForItsModelledTimeAsSeenFromTheLink() throws Exception {
        try (Nrf51822 mcu = Nrf51822.create(null)) {
            startAt(mcu, WRITE_WORD_AND_WAIT);
            mcu.clock().elapse(Nvmc.WORD_WRITE_NANOS / 2);
            assertFalse(mcu.isHalted(), "still waiting for READY half-way through the write");
            assertFalse(mcu.nvmcReady());
            mcu.clock().elapse(Nvmc.WORD_WRITE_NANOS);
            assertTrue(mcu.isHalted(), "done once the write time has passed");
            assertEquals(0, mcu.debugBus().read(0x1000, AccessSize.WORD));
        }
    }

    private static void startAt(Nrf51822 mcu, byte[] code) {
        mcu.writeRam(Nrf51822.RAM_BASE + 0x100, code);
        mcu.halt();
        mcu.setMayRunFree(false);
        mcu.writeCoreRegister(CoreRegister.PC, Nrf51822.RAM_BASE + 0x100);
        mcu.writeCoreRegister(CoreRegister.XPSR, 1 << 24);
        mcu.resume();
    }
}
