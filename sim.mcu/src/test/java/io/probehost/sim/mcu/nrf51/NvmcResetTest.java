package io.probehost.sim.mcu.nrf51;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.mcu.RunOutcome;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A reset of any kind ends the NVMC operation in flight: READY reads 1 afterwards, as on silicon.
 * Before this was so, firmware that reads READY first thing after a reset read 0 whenever the reset
 * came while an erase the firmware had started was still running in modelled time.
 */
class NvmcResetTest {
    private static final int READY = 0x4001_E400;
    private static final int CONFIG = 0x4001_E504;
    private static final int ERASEPAGE = 0x4001_E508;
    private static final int AIRCR = 0xE000_ED0C;

    /**
     * Vector table (SP 0x20004000, reset handler at 0x0C) and a reset handler that stores READY at
     * 0x20000000 first thing, then jumps to {@link #ERASE_FROM_RAM}: ldr r0,=READY; ldr r1,[r0];
     * ldr r2,=0x20000000; str r1,[r2]; ldr r6,=0x20000101; bx r6; literal pool.
     */
    private static final byte[] READS_READY_FIRST_THING = HexFormat.of().parseHex(
            "004000200d0000000000000002480168024a1160024e304700e401400000002001010020");
    /**
     * At 0x20000100 (RAM, so that no fetch from flash waits for the erase): starts an erase of page
     * 0x3FC00 and stops on BKPT: movs r3,#2; ldr r4,=CONFIG; str r3,[r4]; ldr r5,=0x3FC00;
     * str r5,[r4,#4]; bkpt #0; literal pool.
     */
    private static final byte[] ERASE_FROM_RAM = HexFormat.of().parseHex(
            "0223024c2360024d656000be04e5014000fc0300");

    @Test
    void firmwareReadsReadyAsOneAfterAResetDuringItsErase() throws Exception {
        try (Nrf51822 mcu = Nrf51822.create(null)) {
            mcu.loadFlash(0, READS_READY_FIRST_THING);
            mcu.writeRam(Nrf51822.RAM_BASE + 0x100, ERASE_FROM_RAM);
            mcu.resetAndHalt();
            assertEquals(RunOutcome.HALTED, mcu.runUntilHalted(1_000));
            assertEquals(1, readyStoredByFirmware(mcu), "first boot");
            assertFalse(mcu.nvmcReady(), "the firmware's erase is still running at the BKPT");

            long resetAt = mcu.clock().nowNanos();
            mcu.resetAndHalt();
            assertEquals(RunOutcome.HALTED, mcu.runUntilHalted(1_000));
            assertEquals(1, readyStoredByFirmware(mcu), "after a reset in the middle of the erase");
            assertTrue(mcu.clock().nowNanos() - resetAt < Nvmc.PAGE_ERASE_NANOS,
                    "the reset ended the erase rather than waiting for it");
        }
    }

    @Test
    void sysResetReqEndsAnEraseInFlight() throws Exception {
        assertResetEndsErase(mcu -> write(mcu.debugBus(), AIRCR, 0x05FA_0004));
    }

    @Test
    void resetPinEndsAnEraseInFlight() throws Exception {
        assertResetEndsErase(mcu -> {
            mcu.setResetPinAsserted(true);
            assertTrue(mcu.nvmcReady(), "while nRESET is held");
            mcu.setResetPinAsserted(false);
        });
    }

    @Test
    void labResetStateEndsAnEraseInFlight() throws Exception {
        assertResetEndsErase(Nrf51822::resetState);
    }

    @Test
    void backDoorResetAndResetAndHaltEndAnEraseInFlight() throws Exception {
        assertResetEndsErase(Nrf51822::reset);
        assertResetEndsErase(Nrf51822::resetAndHalt);
    }

    @Test
    void aWriteAfterTheResetTakesItsOwnTimeOnly() throws Exception {
        try (Nrf51822 mcu = Nrf51822.create(null)) {
            MemoryPort bus = mcu.debugBus();
            mcu.halt();
            startErase(bus);
            mcu.reset();
            mcu.halt();
            write(bus, CONFIG, 1);
            long start = mcu.clock().nowNanos();
            write(bus, 0x1000, 0);
            assertEquals(0, read(bus, READY));
            mcu.clock().advance(start + Nvmc.WORD_WRITE_NANOS - mcu.clock().nowNanos());
            assertEquals(1, read(bus, READY));
        }
    }

    private static void assertResetEndsErase(Consumer<Nrf51822> reset) throws Exception {
        try (Nrf51822 mcu = Nrf51822.create(null)) {
            MemoryPort bus = mcu.debugBus();
            mcu.halt();
            startErase(bus);
            assertEquals(0, read(bus, READY), "the erase runs");
            reset.accept(mcu);
            assertEquals(1, read(bus, READY));
        }
    }

    private static void startErase(MemoryPort bus) throws BusFault {
        write(bus, CONFIG, 2);
        write(bus, ERASEPAGE, 0x3FC00);
    }

    private static int readyStoredByFirmware(Nrf51822 mcu) {
        byte[] word = mcu.readRam(Nrf51822.RAM_BASE, 4);
        return (word[0] & 0xFF) | (word[1] & 0xFF) << 8 | (word[2] & 0xFF) << 16 | (word[3] & 0xFF) << 24;
    }

    private static int read(MemoryPort bus, int address) throws BusFault {
        return bus.read(address, AccessSize.WORD);
    }

    private static void write(MemoryPort bus, int address, int value) {
        try {
            bus.write(address, AccessSize.WORD, value);
        } catch (BusFault e) {
            throw new IllegalStateException(e);
        }
    }
}
