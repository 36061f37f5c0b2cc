package io.probehost.flash.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.api.debug.BreakpointControl;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.FunctionCaller;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.debug.TargetCapability;
import io.probehost.api.debug.WatchpointControl;
import io.probehost.api.target.FlashAlgorithm;
import io.probehost.api.target.TargetDescription;
import io.probehost.arch.arm.internal.CortexMCore;
import io.probehost.arch.arm.internal.CortexMFunctionCaller;
import io.probehost.arch.arm.internal.Ticker;
import io.probehost.flash.FlashAlgorithmFailedException;
import io.probehost.flash.FlashLoader;
import io.probehost.flash.FlashOptions;
import io.probehost.flash.format.FirmwareImage;

/**
 * A ProgramPage that never returns, on the lab's nRF51 through the real CMSIS-DAP and Cortex-M
 * stack: the real nRF51 algorithm with its ProgramPage pointed at a {@code B .} appended to the blob.
 * The Cortex-M caller waits on fake time, so the test takes the algorithm's TimeoutProg in fake
 * milliseconds, not in wall time.
 */
class AlgorithmTimeoutLabTest {
    private static final Duration TIMEOUT_PROG = Duration.ofMillis(2500);

    /** Fake time: 1 ms per pause between polls. */
    private static final class FakeTicker implements Ticker {
        long now;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void pause() {
            now += Duration.ofMillis(1).toNanos();
        }
    }

    /** The nRF51 algorithm with {@code B .; B .} appended and ProgramPage entering it. */
    private static FlashAlgorithm spinningProgramPage(FlashAlgorithm real) {
        byte[] blob = real.instructions();
        byte[] spinning = Arrays.copyOf(blob, blob.length + 4);
        spinning[blob.length] = (byte) 0xFE;
        spinning[blob.length + 1] = (byte) 0xE7;
        spinning[blob.length + 2] = (byte) 0xFE;
        spinning[blob.length + 3] = (byte) 0xE7;
        return new FlashAlgorithm(real.name(), spinning, real.loadAddress(), real.pcInit(), real.pcUnInit(),
                real.pcEraseAll(), real.pcEraseSector(), real.loadAddress() + blob.length + 1, real.staticBase(),
                real.beginStack(), real.pageBuffers(), real.minProgramLength(), real.pageSize(), real.erasedValue(),
                TIMEOUT_PROG, real.eraseTimeout());
    }

    /** The lab target, calling functions on fake time. */
    private static DebugTarget onFakeTime(DebugTarget target, Ticker ticker) {
        FunctionCaller caller = new CortexMFunctionCaller((CortexMCore) target.core(), ticker);
        return new DebugTarget() {
            @Override
            public String description() {
                return target.description();
            }

            @Override
            public MemoryInterface memory() {
                return target.memory();
            }

            @Override
            public CoreControl core() {
                return target.core();
            }

            @Override
            public BreakpointControl breakpoints() {
                return target.breakpoints();
            }

            @Override
            public WatchpointControl watchpoints() {
                return target.watchpoints();
            }

            @Override
            public <C extends TargetCapability> Optional<C> capability(Class<C> type) {
                return type == FunctionCaller.class ? Optional.of(type.cast(caller)) : Optional.empty();
            }

            @Override
            public void close() {
                target.close();
            }
        };
    }

    @Test
    void programPageThatNeverReturnsIsHaltedAfterTheAlgorithmsOwnTimeoutProg() {
        TargetDescription nrf51 = TestFiles.nrf51();
        FlashAlgorithm spinning = spinningProgramPage(nrf51.algorithms().get(0));
        TargetDescription target = new TargetDescription(nrf51.name(), nrf51.vendor(), nrf51.family(), nrf51.cores(),
                nrf51.memoryMap(), List.of(spinning), nrf51.resetType());
        FirmwareImage image = FirmwareImage.builder("one.bin").add(0x400, new byte[] {1, 2, 3, 4}).build();
        FakeTicker ticker = new FakeTicker();
        try (VirtualNrf51 lab = new VirtualNrf51()) {
            DebugTarget connected = onFakeTime(lab.connect(), ticker);

            FlashAlgorithmFailedException e = assertThrows(FlashAlgorithmFailedException.class,
                    () -> new FlashLoader(connected, target).program(image, FlashOptions.defaults(), null));

            long loop = spinning.pcProgramPage() & ~1L;
            assertEquals(String.format("flash algorithm nrf51822_xxaa: ProgramPage(0x00000400) did not return within "
                    + "2500 ms; halted at 0x%08X", loop), e.getMessage());
            assertEquals("ProgramPage", e.function());
            assertTrue(connected.core().isHalted());
            long fakeMillis = Duration.ofNanos(ticker.now).toMillis();
            assertTrue(fakeMillis >= TIMEOUT_PROG.toMillis() && fakeMillis < FlashAlgorithm.DEFAULT_PROGRAM_TIMEOUT
                    .toMillis(), fakeMillis + " ms of fake time went by");
        }
    }
}
