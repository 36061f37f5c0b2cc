package io.probehost.arch.arm.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.api.TargetException;
import io.probehost.api.debug.BreakpointKind;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.CoreRegister;
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
    void startSendsEveryRegisterAndTheResumeInOneExchangeWhereOneByOneTookSeven() {
        FunctionCaller caller = caller();
        functionReturning(0);
        CoreControl core = connected.core();
        List<CoreRegister> registers = List.of(CortexMRegisters.general(0), CortexMRegisters.general(1),
                CortexMRegisters.general(2), CortexMRegisters.LR, CortexMRegisters.PC);
        long[] values = {0x400, 0x400, 0x2000_2000L, TRAP | 1, ENTRY | 1};
        dap.takeLog();
        int before = dap.exchanges;
        for (int i = 0; i < values.length; i++) {
            core.writeRegister(registers.get(i), values[i]);
        }
        core.resume();
        int oneByOneExchanges = dap.exchanges - before;
        long oneByOneTransfers = transfers(dap.takeLog());
        assertTrue(target.halted, "the function returned to its trap");

        before = dap.exchanges;
        caller.start(FunctionCall.of("ProgramPage", ENTRY, TRAP, 0x400, 0x400, 0x2000_2000L));
        int batchedExchanges = dap.exchanges - before;
        List<String> batched = dap.takeLog();

        assertEquals(7, oneByOneExchanges);
        assertEquals(1, batchedExchanges);
        assertEquals(List.of("W TAR 0xE000ED30", "W DRW 0x0000001F", "W TAR 0xE000EDF0", "W SELECT 0x00000010",
                "W BD2 0x00000400", "W BD1 0x00010000", "W BD2 0x00000400", "W BD1 0x00010001",
                "W BD2 0x20002000", "W BD1 0x00010002", "W BD2 0x20000001", "W BD1 0x0001000E",
                "W BD2 0x20000021", "W BD1 0x0001000F", "R BD0", "W BD0 0xA05F0001", "FLUSH"), batched);
        assertTrue(transfers(batched) < oneByOneTransfers, batched.size() + " vs " + oneByOneTransfers);
        assertArrayEquals(new int[] {0x400, 0x400, 0x2000_2000}, java.util.Arrays.copyOf(registersAtResume, 3));
    }

    @Test
    void awaitOfAFunctionThatReturnedPollsOnceThenReadsR0AndPcInOneExchange() {
        FunctionCaller caller = caller();
        functionReturning(5);
        caller.start(FunctionCall.of("ProgramPage", ENTRY, TRAP, 0x400, 0x400, 0x2000_2000L));
        connected.memory().write32(0x2000_2000L, 0x1234_5678); // the next page, moving TAR away
        connected.memory().flush();
        dap.takeLog();
        int before = dap.exchanges;

        long result = caller.await(Duration.ofSeconds(1));

        assertEquals(5, result);
        assertEquals(2, dap.exchanges - before);
        assertEquals(List.of("W TAR 0xE000EDF0", "W SELECT 0x00000010", "R BD0",
                "W BD1 0x00000000", "R BD0", "R BD2", "W BD1 0x0000000F", "R BD0", "R BD2"), dap.takeLog());
    }

    @Test
    void registerWriteThatDoesNotCompleteIsReportedAndTheCoreHaltedAgain() {
        FunctionCaller caller = caller();
        target.registersReady = false;

        TargetException e = assertThrows(TargetException.class,
                () -> caller.start(FunctionCall.of("ProgramPage", ENTRY, TRAP, 0x400, 0x400, 0x2000_2000L)));

        assertEquals("register write of R0, R1, R2, LR, PC did not complete: DHCSR.S_REGRDY was 0 after the last "
                + "(DHCSR 0x00020003); the core was resumed with them, halted it again", e.getMessage());
        assertTrue(target.halted);
        assertThrows(IllegalStateException.class, () -> caller.await(Duration.ofMillis(1)),
                "a start that failed leaves no call to await");
    }

    @Test
    void callWithABreakpointSetWritesOneByOneSoThatResumeCanStepOffOneAtThePc() {
        FunctionCaller caller = caller();
        functionReturning(3);
        connected.breakpoints().addBreakpoint(0x400, BreakpointKind.HARDWARE);
        int before = dap.exchanges;

        long result = caller.call(FunctionCall.of("Init", ENTRY, TRAP, 1), Duration.ofSeconds(1));

        assertEquals(3, result);
        assertEquals(1, registersAtResume[0]);
        assertTrue(dap.exchanges - before > 5, "one-by-one writes wait for S_REGRDY each");
    }

    private static long transfers(List<String> log) {
        return log.stream().filter(line -> !line.equals("FLUSH")).count();
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
