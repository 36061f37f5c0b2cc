package io.probehost.firmware;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.RunOutcome;
import io.probehost.sim.mcu.nrf51.Nrf51822;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.time.Duration;
import java.util.function.IntPredicate;

/**
 * Runs one firmware image on the lab's virtual nRF51822: the .bin goes into flash through the
 * back door, a system reset starts it, and the core runs in bounded slices until the result
 * block's status word appears.
 */
final class LabMicrobit implements AutoCloseable {
    static final long SLICE_CYCLES = 1_000_000;
    static final long MAX_CYCLES = 100_000_000;
    static final int DHCSR = 0xE000_EDF0;
    static final int DHCSR_KEY = 0xA05F_0000;
    static final int S_LOCKUP = 1 << 19;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(2);

    private final Nrf51822 mcu = Nrf51822.create(null);

    void load(Program program) throws IOException {
        mcu.halt();
        mcu.loadFlash(0, Files.readAllBytes(program.bin()));
        mcu.reset();
    }

    /** Runs until DONE or FAIL; the last outcome and the cycle count go into the failure text. */
    ResultBlock awaitResultBlock() throws InterruptedException {
        long spent = 0;
        RunOutcome outcome = null;
        while (!ResultBlock.isFinished(readWords(ResultBlock.BASE, 1)[0])) {
            if (spent >= MAX_CYCLES || (outcome != null && outcome != RunOutcome.CYCLE_LIMIT)) {
                throw new AssertionError("lab CPU gave no DONE/FAIL status after " + spent + " cycles (last run: "
                        + outcome + ", cycles " + mcu.cycles() + "); block so far:"
                        + new ResultBlock(readWords(ResultBlock.BASE, ResultBlock.WORDS)));
            }
            outcome = mcu.runUntilHalted(SLICE_CYCLES);
            spent += SLICE_CYCLES;
        }
        return new ResultBlock(readWords(ResultBlock.BASE, ResultBlock.WORDS));
    }

    /**
     * Runs as on a board with no debugger attached (C_DEBUGEN clear), so BKPT escalates to
     * HardFault as it does on QEMU: the core runs on its own thread, and the wait for
     * {@code finished} (or lockup) is bounded by host time, like QEMU's. The core still runs (or
     * stays locked up) on return.
     */
    ResultBlock awaitWithoutDebugger(IntPredicate finished, Duration timeout)
            throws BusFault, InterruptedException {
        mcu.debugBus().write(DHCSR, AccessSize.WORD, DHCSR_KEY);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!finished.test(readWords(ResultBlock.BASE, 1)[0]) && !lockedUp()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("lab CPU (no debugger) did not finish within " + timeout + " (cycles "
                        + mcu.cycles() + "); block so far:" + new ResultBlock(readWords(ResultBlock.BASE, ResultBlock.WORDS)));
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        return new ResultBlock(readWords(ResultBlock.BASE, ResultBlock.WORDS));
    }

    /** DHCSR.S_LOCKUP as a debugger reads it. */
    boolean lockedUp() throws BusFault {
        return (mcu.debugBus().read(DHCSR, AccessSize.WORD) & S_LOCKUP) != 0;
    }

    Nrf51822 mcu() {
        return mcu;
    }

    int[] readWords(int address, int count) {
        ByteBuffer bytes = ByteBuffer.wrap(mcu.readRam(address, 4 * count)).order(ByteOrder.LITTLE_ENDIAN);
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            words[i] = bytes.getInt();
        }
        return words;
    }

    @Override
    public void close() {
        mcu.close();
    }
}
