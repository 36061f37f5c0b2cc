package io.probehost.arch.arm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.api.debug.FaultCatch;
import io.probehost.api.debug.Semihosting;
import io.probehost.api.debug.SemihostingCall;
import io.probehost.api.probe.WireProtocol;
import io.probehost.arch.arm.ArmConnectOptions;
import io.probehost.arch.arm.ArmDebugFactory;
import io.probehost.arch.arm.CortexMTarget;

/** Semihosting and the HardFault catch on the fake Cortex-M: BKPT 0xAB found, answered in R0, stepped over. */
class CortexMSemihostingTest {
    private static final long CODE = 0x0000_0100L;
    private static final long BLOCK = 0x2000_0040L;
    private static final int PC = 15;

    private final FakeCortexM fake = new FakeCortexM(FakeCortexM.CPUID_M0);
    private final FakeDap dap = new FakeDap(fake);
    private final CortexMTarget target = ArmDebugFactory.connect(dap, Optional.of(dap), Optional.of(dap),
            WireProtocol.SWD, ArmConnectOptions.defaults().withTimeout(Duration.ofMillis(20)));
    private final Semihosting semihosting = new CortexMSemihosting(target.core(), target.memory());
    private int[] registersAtResume;

    /** Halts the fake on the halfword {@code instruction} at CODE with R0 = operation and R1 = parameter. */
    private void haltOn(int instruction, int operation, long parameter) {
        fake.words.put(CODE, 0xBF00_0000 | instruction);
        target.core().halt(Duration.ofMillis(20));
        fake.program = registers -> {
            registers[0] = operation;
            registers[1] = (int) parameter;
            registers[PC] = (int) CODE;
        };
        target.core().resume();
        fake.program = registers -> registersAtResume = registers.clone();
    }

    @Test
    void bkpt0xAbIsACallWithR0AsOperationAndR1AsParameter() {
        haltOn(0xBEAB, 0x04, BLOCK);

        assertEquals(Optional.of(new SemihostingCall(0x04, BLOCK, CODE, 4)), semihosting.pendingCall());
    }

    @Test
    void anotherBkptIsNoCall() {
        haltOn(0xBE00, 0x04, BLOCK);

        assertEquals(Optional.empty(), semihosting.pendingCall());
    }

    @Test
    void aHaltRequestOnBkpt0xAbIsNoCall() {
        fake.words.put(CODE, 0xBF00_BEAB);
        fake.registers[PC] = (int) CODE;
        target.core().halt(Duration.ofMillis(20));

        assertEquals(Optional.empty(), semihosting.pendingCall());
    }

    @Test
    void theParameterBlockIsReadAsWords() {
        haltOn(0xBEAB, 0x05, BLOCK);
        fake.words.put(BLOCK, 1);
        fake.words.put(BLOCK + 4, 0x2000_0100);
        fake.words.put(BLOCK + 8, 0xFFFF_FFF0);

        long[] block = semihosting.readParameterBlock(semihosting.pendingCall().orElseThrow(), 3);

        assertEquals(1, block[0]);
        assertEquals(0x2000_0100L, block[1]);
        assertEquals(0xFFFF_FFF0L, block[2]);
    }

    @Test
    void completingPutsTheResultInR0AndResumesAfterTheBkpt() {
        haltOn(0xBEAB, 0x01, BLOCK);

        semihosting.complete(semihosting.pendingCall().orElseThrow(), -1);

        assertEquals(-1, registersAtResume[0]);
        assertEquals(CODE + 2, registersAtResume[PC] & 0xFFFF_FFFFL);
        assertFalse(target.core().isHalted());
    }

    @Test
    void theCatchSetsVcHarderrAndPutsDemcrBack() {
        fake.words.put(Scs.DEMCR, Scs.DEMCR_VC_CORERESET);
        FaultCatch.Armed armed = new CortexMFaultCatch(target.core(), target.memory()).arm();

        assertEquals(Scs.DEMCR_VC_CORERESET | Scs.DEMCR_VC_HARDERR, fake.words.get(Scs.DEMCR));
        armed.close();
        assertEquals(Scs.DEMCR_VC_CORERESET, fake.words.get(Scs.DEMCR));
    }

    @Test
    void aVectorCatchHaltIsCaught() {
        FaultCatch.Armed armed = new CortexMFaultCatch(target.core(), target.memory()).arm();
        target.core().halt(Duration.ofMillis(20));
        assertFalse(armed.caught());

        fake.dfsr |= Scs.DFSR_VCATCH;

        assertTrue(armed.caught());
    }
}
