package io.probehost.arch.arm.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.api.TargetException;
import io.probehost.api.debug.DebugTarget;
import io.probehost.api.debug.FunctionCall;
import io.probehost.api.debug.FunctionCallException;
import io.probehost.api.debug.FunctionCallTimeoutException;
import io.probehost.api.debug.FunctionCaller;
import io.probehost.api.debug.TargetCapability;
import io.probehost.api.option.OptionDescriptor;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.WireProtocol;
import io.probehost.arch.arm.ArmConnectOptions;
import io.probehost.arch.arm.ArmDebugFactory;
import io.probehost.arch.arm.CortexMTarget;

/** Calling a function on the fake Cortex-M: the AAPCS registers, the Thumb bit, the BKPT return, timeouts. */
class CortexMFunctionCallerTest {
    private static final long TRAP = 0x2000_0000L;
    private static final long ENTRY = 0x2000_0020L;
    private static final int R9 = 9;
    private static final int SP = 13;
    private static final int LR = 14;
    private static final int PC = 15;
    private static final int XPSR = 0x10;

    /** Fake time: only pauses between polls advance it, 1 ms each. */
    private static final class FakeTicker implements Ticker {
        long now = 1_000_000_000L;
        int pauses;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void pause() {
            pauses++;
            now += Duration.ofMillis(1).toNanos();
        }
    }

    private final FakeCortexM target = new FakeCortexM(FakeCortexM.CPUID_M0);
    private final FakeDap dap = new FakeDap(target);
    private final FakeTicker ticker = new FakeTicker();
    private CortexMTarget connected;
    private int[] registersAtResume;

    private FunctionCaller caller() {
        connected = ArmDebugFactory.connect(dap, Optional.of(dap), Optional.of(dap), WireProtocol.SWD,
                ArmConnectOptions.defaults().withTimeout(Duration.ofMillis(20)));
        connected.core().halt(Duration.ofMillis(20));
        target.words.put(TRAP, 0xE7FD_BE00); // BKPT #0; B .-2, as pyOCD's trampoline
        return new CortexMFunctionCaller((CortexMCore) connected.core(), ticker);
    }

    /** The function: records the registers it was entered with, puts {@code result} in R0 and returns (BX LR). */
    private void functionReturning(int result) {
        target.program = registers -> {
            registersAtResume = registers.clone();
            registers[0] = result;
            registers[PC] = registers[LR] & ~1;
        };
    }

    @Test
    void callWritesArgumentsStaticBaseStackAndReturnAddressAsTheAapcsSays() {
        FunctionCaller caller = caller();
        functionReturning(0);

        caller.call(FunctionCall.of("ProgramPage", ENTRY | 1, TRAP, 0x400, 0x100, 0x2000_2000L, 7)
                .withStackPointer(0x2000_1000L).withStaticBase(0x2000_0170L), Duration.ofSeconds(1));

        assertArrayEquals(new int[] {0x400, 0x100, 0x2000_2000, 7}, java.util.Arrays.copyOf(registersAtResume, 4));
        assertEquals(0x2000_0170, registersAtResume[R9]);
        assertEquals(0x2000_1000, registersAtResume[SP]);
        assertEquals(0x2000_0001, registersAtResume[LR]);
        assertEquals(0x0100_0000, registersAtResume[XPSR]);
    }

    @Test
    void entryAndReturnAddressGetTheThumbBitWhateverTheCallerGave() {
        FunctionCaller caller = caller();
        functionReturning(0);

        caller.call(FunctionCall.of("Init", ENTRY, TRAP | 1), Duration.ofSeconds(1));

        assertEquals(0x2000_0021, registersAtResume[PC]);
        assertEquals(0x2000_0001, registersAtResume[LR]);
    }

    @Test
    void callWithoutStackKeepsSpStaticBaseAndXpsr() {
        FunctionCaller caller = caller();
        functionReturning(0);
        target.registers[R9] = 0x1111;
        target.registers[SP] = 0x2222;
        target.registers[XPSR] = 0x6100_0000;

        caller.call(FunctionCall.of("EraseSector", ENTRY, TRAP, 0x400), Duration.ofSeconds(1));

        assertEquals(0x1111, registersAtResume[R9]);
        assertEquals(0x2222, registersAtResume[SP]);
        assertEquals(0x6100_0000, registersAtResume[XPSR]);
    }

    @Test
    void resultIsR0ReadAsUnsigned() {
        FunctionCaller caller = caller();
        functionReturning(0xDEAD_BEEF);

        caller.start(FunctionCall.of("Verify", ENTRY, TRAP, 0, 0x400, 0x2000_2000L));
        long result = caller.await(Duration.ofSeconds(1));

        assertEquals(0xDEAD_BEEFL, result);
        assertTrue(target.halted);
    }

    @Test
    void functionThatNeverReturnsIsHaltedAfterItsLimitAndNamed() {
        FunctionCaller caller = caller();
        target.program = registers -> registers[PC] = (int) ENTRY + 4; // spins in a loop
        long started = ticker.now;

        caller.start(FunctionCall.of("ProgramPage", ENTRY | 1, TRAP, 0x400, 0x400, 0x2000_2000L));
        FunctionCallTimeoutException e = assertThrows(FunctionCallTimeoutException.class,
                () -> caller.await(Duration.ofMillis(250)));

        assertEquals("ProgramPage at 0x20000020 did not return within 250 ms; halted it at PC 0x20000024",
                e.getMessage());
        assertEquals("ProgramPage", e.function());
        assertEquals(Duration.ofMillis(250), e.timeout());
        assertEquals(0x2000_0024L, e.stoppedAt());
        assertTrue(target.halted);
        long waitedMillis = Duration.ofNanos(ticker.now - started).toMillis();
        assertTrue(waitedMillis >= 250 && waitedMillis <= 251, "waited " + waitedMillis + " ms of fake time");
    }

    @Test
    void functionThatHaltsElsewhereNamesWhereItStopped() {
        FunctionCaller caller = caller();
        target.words.put(0x2000_0040L, 0x0000_BE00); // a BKPT inside the function
        target.program = registers -> registers[PC] = 0x2000_0040;

        FunctionCallException e = assertThrows(FunctionCallException.class,
                () -> caller.call(FunctionCall.of("EraseChip", ENTRY, TRAP), Duration.ofSeconds(1)));

        assertEquals("EraseChip at 0x20000020 stopped at PC 0x20000040 (BREAKPOINT) instead of returning to 0x20000000",
                e.getMessage());
        assertFalse(e instanceof FunctionCallTimeoutException);
    }

    @Test
    void moreArgumentsThanR0ToR3AreRefused() {
        FunctionCaller caller = caller();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> caller.start(FunctionCall.of("Five", ENTRY, TRAP, 1, 2, 3, 4, 5)));

        assertEquals("Five: 5 arguments, but a Cortex-M passes at most 4 in registers", e.getMessage());
        assertEquals(4, caller.maxArguments());
    }

    @Test
    void callOnARunningCoreIsRefused() {
        FunctionCaller caller = caller();
        target.halted = false;

        assertThrows(TargetException.class, () -> caller.start(FunctionCall.of("Init", ENTRY, TRAP, 0)));
    }

    @Test
    void awaitWithoutStartIsAProgrammingError() {
        FunctionCaller caller = caller();

        assertThrows(IllegalStateException.class, () -> caller.await(Duration.ofMillis(1)));
    }

    private interface Unknown extends TargetCapability {
    }

    @Test
    void cortexMTargetOffersItsFunctionCallerAsACapability() {
        caller();
        DebugTarget debugTarget = ArmTargetConnector.adapt(connected, new SessionOptions() {
            @Override
            public <T> T get(OptionDescriptor<T> option) {
                return option.defaultValue();
            }
        });

        assertEquals(Optional.of(connected.functionCaller()), debugTarget.capability(FunctionCaller.class));
        assertEquals(Optional.empty(), debugTarget.capability(Unknown.class));
    }
}
