package io.probehost.flash.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.probehost.api.debug.BreakpointControl;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.FunctionCall;
import io.probehost.api.debug.FunctionCallTimeoutException;
import io.probehost.api.debug.FunctionCaller;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.debug.TargetCapability;
import io.probehost.api.debug.WatchpointControl;
import io.probehost.api.target.FlashAlgorithm;
import io.probehost.flash.FlashAlgorithmFailedException;
import io.probehost.flash.FlashException;

/**
 * The runner calls through the target's {@link FunctionCaller} with each algorithm's own limits:
 * TimeoutProg for Init, UnInit and ProgramPage, TimeoutErase for EraseSector and EraseChip, with the
 * floors. A fake caller keeps fake time: a call that never returns uses up exactly its limit.
 */
class AlgorithmTimeoutTest {
    private static final long LOAD = 0x2000_0000L;

    /** Records every call and the limit it was awaited with; returns 0, or never (then fake time runs out). */
    private static final class FakeCaller implements FunctionCaller {
        final List<FunctionCall> calls = new ArrayList<>();
        final List<String> limits = new ArrayList<>();
        String neverReturns = "";
        Duration fakeTime = Duration.ZERO;

        @Override
        public int maxArguments() {
            return 4;
        }

        @Override
        public void start(FunctionCall call) {
            calls.add(call);
        }

        @Override
        public long await(Duration timeout) {
            FunctionCall call = calls.get(calls.size() - 1);
            limits.add(call.name() + " " + timeout.toMillis() + " ms");
            if (call.name().equals(neverReturns)) {
                fakeTime = fakeTime.plus(timeout);
                throw new FunctionCallTimeoutException(call.name(), call.entry() + 2, timeout, "did not return");
            }
            fakeTime = fakeTime.plusMillis(1);
            return 0;
        }
    }

    private final FakeCaller caller = new FakeCaller();

    private static FlashAlgorithm algorithm(Duration program, Duration erase) {
        return new FlashAlgorithm("test", new byte[] {0x00, (byte) 0xBE, (byte) 0xFD, (byte) 0xE7}, LOAD, LOAD + 0x21,
                LOAD + 0x31, LOAD + 0x41, LOAD + 0x51, LOAD + 0x61, LOAD + 0x170, LOAD + 0x1000, List.of(LOAD + 0x2000),
                4, 0x400, 0xFF, program, erase);
    }

    private DebugTarget target(Optional<FunctionCaller> functionCaller) {
        return new DebugTarget() {
            @Override
            public String description() {
                return "Fake core";
            }

            @Override
            public MemoryInterface memory() {
                return null;
            }

            @Override
            public CoreControl core() {
                return null;
            }

            @Override
            public BreakpointControl breakpoints() {
                return null;
            }

            @Override
            public WatchpointControl watchpoints() {
                return null;
            }

            @Override
            public <C extends TargetCapability> Optional<C> capability(Class<C> type) {
                return functionCaller.filter(type::isInstance).map(type::cast);
            }

            @Override
            public void close() {
            }
        };
    }

    private AlgorithmRunner runner(FlashAlgorithm algorithm) {
        return new AlgorithmRunner(target(Optional.of(caller)), algorithm);
    }

    private static void eraseAndProgramOnePage(AlgorithmRunner runner) {
        runner.init(0, AlgorithmRunner.Operation.ERASE);
        runner.eraseSector(0x400);
        runner.eraseChip(0);
        runner.uninit(0, AlgorithmRunner.Operation.ERASE);
        runner.init(0, AlgorithmRunner.Operation.PROGRAM);
        runner.startProgramPage(0x400, 0x400, LOAD + 0x2000);
        runner.awaitProgramPage();
        runner.uninit(0, AlgorithmRunner.Operation.PROGRAM);
    }

    @Test
    void eachFunctionIsAwaitedWithItsAlgorithmsOwnLimit() {
        eraseAndProgramOnePage(runner(algorithm(Duration.ofMillis(2500), Duration.ofMillis(75_000))));

        assertEquals(List.of("Init 2500 ms", "EraseSector 75000 ms", "EraseChip 75000 ms", "UnInit 2500 ms",
                "Init 2500 ms", "ProgramPage 2500 ms", "UnInit 2500 ms"), caller.limits);
    }

    @Test
    void limitsBelowTheFloorsAreRaisedToThem() {
        eraseAndProgramOnePage(runner(algorithm(Duration.ofMillis(100), Duration.ofMillis(300))));

        assertEquals(List.of("Init 1000 ms", "EraseSector 1000 ms", "EraseChip 60000 ms", "UnInit 1000 ms",
                "Init 1000 ms", "ProgramPage 1000 ms", "UnInit 1000 ms"), caller.limits);
    }

    @Test
    void algorithmWithoutStatedLimitsGetsPyOcdDefaults() {
        AlgorithmRunner runner = runner(algorithm(FlashAlgorithm.DEFAULT_PROGRAM_TIMEOUT,
                FlashAlgorithm.DEFAULT_ERASE_TIMEOUT));

        assertEquals(List.of(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(60)),
                List.of(runner.timeout("ProgramPage"), runner.timeout("EraseSector"), runner.timeout("EraseChip")));
    }

    @Test
    void programPageThatNeverReturnsFailsAfterItsOwnTimeoutProgNamingFunctionAddressAndLimit() {
        AlgorithmRunner runner = runner(algorithm(Duration.ofMillis(2500), Duration.ofSeconds(3)));
        caller.neverReturns = "ProgramPage";
        runner.init(0, AlgorithmRunner.Operation.PROGRAM);
        Duration before = caller.fakeTime;

        runner.startProgramPage(0x800, 0x400, LOAD + 0x2000);
        FlashAlgorithmFailedException e = assertThrows(FlashAlgorithmFailedException.class, runner::awaitProgramPage);

        assertEquals("flash algorithm test: ProgramPage(0x00000800) did not return within 2500 ms; halted at 0x20000063",
                e.getMessage());
        assertEquals("ProgramPage", e.function());
        assertEquals(0x800, e.address());
        assertEquals(-1, e.returnCode());
        assertEquals(Duration.ofMillis(2500), caller.fakeTime.minus(before));
    }

    @Test
    void callsFollowTheCmsisInterfaceAndReturnToTheTrapAtTheLoadAddress() {
        AlgorithmRunner runner = runner(algorithm(Duration.ofSeconds(1), Duration.ofSeconds(1)));

        runner.init(0x0, AlgorithmRunner.Operation.PROGRAM);
        runner.startProgramPage(0x400, 0x100, LOAD + 0x2000);
        runner.awaitProgramPage();

        FunctionCall init = caller.calls.get(0);
        FunctionCall page = caller.calls.get(1);
        assertEquals(List.of(0L, 0L, 2L), init.arguments());
        assertEquals(LOAD + 0x21, init.entry());
        assertEquals(LOAD, init.returnAddress());
        assertEquals(OptionalLong.of(LOAD + 0x1000), init.stackPointer());
        assertEquals(OptionalLong.of(LOAD + 0x170), init.staticBase());
        assertEquals(List.of(0x400L, 0x100L, LOAD + 0x2000), page.arguments());
        assertEquals(OptionalLong.empty(), page.stackPointer());
        assertEquals(OptionalLong.empty(), page.staticBase());
    }

    @Test
    void callAfterAFailedOneSetsStackAndStaticBaseAgain() {
        AlgorithmRunner runner = runner(algorithm(Duration.ofSeconds(1), Duration.ofSeconds(1)));
        runner.init(0x0, AlgorithmRunner.Operation.ERASE);
        caller.neverReturns = "EraseSector";
        assertThrows(FlashAlgorithmFailedException.class, () -> runner.eraseSector(0x400));
        caller.neverReturns = "";

        runner.eraseSector(0x800);

        assertEquals(OptionalLong.empty(), caller.calls.get(1).stackPointer());
        assertEquals(OptionalLong.of(LOAD + 0x1000), caller.calls.get(2).stackPointer());
        assertEquals(OptionalLong.of(LOAD + 0x170), caller.calls.get(2).staticBase());
    }

    @Test
    void targetThatCannotCallFunctionsIsAFlashErrorNamingIt() {
        FlashException e = assertThrows(FlashException.class,
                () -> new AlgorithmRunner(target(Optional.empty()), algorithm(Duration.ofSeconds(1), Duration.ofSeconds(1))));

        assertEquals("cannot run flash algorithm test: Fake core offers no way to call a function on the target",
                e.getMessage());
    }
}
