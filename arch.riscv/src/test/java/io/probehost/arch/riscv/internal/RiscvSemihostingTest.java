package io.probehost.arch.riscv.internal;

import static io.probehost.arch.riscv.internal.LabGd32vf103.SRAM;
import static io.probehost.arch.riscv.internal.LabGd32vf103.TIMEOUT;
import static io.probehost.arch.riscv.internal.LabGd32vf103.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.FaultCatch;
import io.probehost.api.debug.Semihosting;
import io.probehost.api.debug.SemihostingCall;

/**
 * Semihosting and the trap catch on the lab GD32VF103's hart: the ebreak of the semihosting sequence
 * enters Debug Mode with dpc on the ebreak (dcsr.ebreakm), the answer lands in a0 and the hart goes on
 * after it; an illegal instruction halts on the trap vector and rewinds to mepc.
 */
class RiscvSemihostingTest {
    private static final int EBREAK = RiscvSemihosting.EBREAK;
    private static final int JUMP_TO_SELF = 0x0000_006F;
    private static final int ILLEGAL = 0;
    private static final long BLOCK = SRAM + 0x100;
    private static final long VECTOR = SRAM + 0x40;

    private static long reg(CoreControl core, String name) {
        return core.readRegister(core.register(name).orElseThrow());
    }

    private static void set(CoreControl core, String name, long value) {
        core.writeRegister(core.register(name).orElseThrow(), value);
    }

    private static void runToHalt(CoreControl core) {
        core.resume();
        assertTrue(Polling.holdsWithin(core::isHalted, TIMEOUT), "the hart halts");
    }

    /** The semihosting sequence at SRAM, then a plain ebreak at SRAM + 12; a0 = operation, a1 = parameter. */
    private static void loadCall(RiscvDebugTarget target, long operation) {
        target.memory().write(SRAM, words(new int[] {RiscvSemihosting.SLLI_ENTRY, EBREAK, RiscvSemihosting.SRAI_EXIT,
            EBREAK}));
        CoreControl core = target.core();
        set(core, "a0", operation);
        set(core, "a1", BLOCK);
        set(core, "pc", SRAM);
    }

    @Test
    void theSequenceHaltsOnItsEbreakWithA0AndA1() {
        try (LabGd32vf103 lab = new LabGd32vf103(); RiscvDebugTarget target = lab.connect()) {
            loadCall(target, 0x05);
            runToHalt(target.core());

            Semihosting semihosting = new RiscvSemihosting(target.core(), target.memory());
            assertEquals(Optional.of(new SemihostingCall(0x05, BLOCK, SRAM + 4, 4)), semihosting.pendingCall());
        }
    }

    @Test
    void completingPutsTheResultInA0AndGoesOnAfterTheEbreak() {
        try (LabGd32vf103 lab = new LabGd32vf103(); RiscvDebugTarget target = lab.connect()) {
            loadCall(target, 0x01);
            CoreControl core = target.core();
            runToHalt(core);
            Semihosting semihosting = new RiscvSemihosting(core, target.memory());

            semihosting.complete(semihosting.pendingCall().orElseThrow(), 0xFFFF_FFFFL);
            assertTrue(Polling.holdsWithin(core::isHalted, TIMEOUT), "the hart halts on the plain ebreak");

            assertEquals(SRAM + 12, reg(core, "pc"));
            assertEquals(0xFFFF_FFFFL, reg(core, "a0"));
            assertEquals(Optional.empty(), semihosting.pendingCall(), "a plain ebreak is no call");
        }
    }

    @Test
    void theParameterBlockIsReadAsWords() {
        try (LabGd32vf103 lab = new LabGd32vf103(); RiscvDebugTarget target = lab.connect()) {
            loadCall(target, 0x05);
            runToHalt(target.core());
            target.memory().write(BLOCK, words(new int[] {2, 0x2000_0200, 0x8000_0000}));
            Semihosting semihosting = new RiscvSemihosting(target.core(), target.memory());

            long[] block = semihosting.readParameterBlock(semihosting.pendingCall().orElseThrow(), 3);

            assertEquals(2, block[0]);
            assertEquals(0x2000_0200L, block[1]);
            assertEquals(0x8000_0000L, block[2]);
        }
    }

    @Test
    void aTrapHaltsOnTheVectorAndRewindsToTheTrappingInstruction() {
        try (LabGd32vf103 lab = new LabGd32vf103(); RiscvDebugTarget target = lab.connect()) {
            target.memory().write(SRAM, words(new int[] {ILLEGAL}));
            target.memory().write(VECTOR, words(new int[] {JUMP_TO_SELF}));
            CoreControl core = target.core();
            set(core, "mtvec", VECTOR);
            set(core, "pc", SRAM);
            FaultCatch.Armed armed = target.capability(FaultCatch.class).orElseThrow().arm();
            assertFalse(armed.caught(), "halted by request, not by a trap");

            runToHalt(core);

            assertTrue(armed.caught());
            assertEquals(VECTOR, reg(core, "pc"));
            armed.rewindToFault();
            assertEquals(SRAM, reg(core, "pc"));
            assertEquals(2, reg(core, "mcause"), "illegal instruction");
            armed.close();
            assertTrue(target.breakpoints().breakpoints().isEmpty(), "the trigger is given back");
        }
    }
}
