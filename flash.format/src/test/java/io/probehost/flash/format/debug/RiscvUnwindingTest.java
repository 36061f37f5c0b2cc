package io.probehost.flash.format.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The RV32 prologue scan on both encodings of {@code addi sp,sp,-48; sw ra,44(sp); sw s0,40(sp)} (bytes from GNU as). */
class RiscvUnwindingTest {

    private static final long START = 0x8000_0100L;
    private static final long SP = 0x8000_3F00L;
    private final RiscvUnwinding riscv = new RiscvUnwinding();
    private final Map<Long, Long> words = new HashMap<>();
    private final TargetMemory memory = address -> words.getOrDefault(address, 0L);

    private RegisterValues frameAfterPrologue(long pc) {
        words.put(SP + 44, 0x8000_0042L);
        words.put(SP + 40, 0x8000_3F80L);
        return RegisterValues.of(Map.of(RiscvUnwinding.PC, pc, RiscvUnwinding.SP, SP, RiscvUnwinding.RA, 0x1234L));
    }

    private void assertCaller(RegisterValues caller) {
        assertEquals(SP + 48, caller.get(RiscvUnwinding.SP).getAsLong());
        assertEquals(0x8000_0042L, caller.get(RiscvUnwinding.RA).getAsLong());
        assertEquals(0x8000_3F80L, caller.get(RiscvUnwinding.FP).getAsLong());
    }

    @Test
    void readsTheCompressedPrologue() {
        words.put(START, 0xD606_7179L);     // c.addi16sp sp,-48; c.swsp ra,44(sp)
        words.put(START + 4, 0x0000_D422L); // c.swsp s0,40(sp)

        assertCaller(riscv.unwindWithoutCfi(frameAfterPrologue(START + 6), false, START, memory).orElseThrow());
    }

    @Test
    void readsTheUncompressedPrologue() {
        words.put(START, 0xFD01_0113L);     // addi sp,sp,-48
        words.put(START + 4, 0x0211_2623L); // sw ra,44(sp)
        words.put(START + 8, 0x0281_2423L); // sw s0,40(sp)

        assertCaller(riscv.unwindWithoutCfi(frameAfterPrologue(START + 12), false, START, memory).orElseThrow());
    }

    @Test
    void takesRaFromItsRegisterBeforeTheStoreInALiveFrameAndGivesUpInAnOuterOne() {
        words.put(START, 0xD606_7179L);

        RegisterValues frame = frameAfterPrologue(START + 2);
        assertEquals(0x1234L, riscv.unwindWithoutCfi(frame, true, START, memory).orElseThrow().get(RiscvUnwinding.RA)
                .getAsLong());
        assertTrue(riscv.unwindWithoutCfi(frame, false, START, memory).isEmpty());
    }

    @Test
    void followsTheFramePointerChainWithoutAFunctionStart() {
        words.put(SP + 0x40 - 4, 0x8000_0200L);
        words.put(SP + 0x40 - 8, SP + 0x80);
        RegisterValues frame = RegisterValues.of(Map.of(RiscvUnwinding.PC, 0x10L, RiscvUnwinding.SP, SP, RiscvUnwinding.FP, SP + 0x40));

        RegisterValues caller = riscv.unwindWithoutCfi(frame, false, -1, memory).orElseThrow();

        assertEquals(0x8000_0200L, caller.get(RiscvUnwinding.RA).getAsLong());
        assertEquals(SP + 0x80, caller.get(RiscvUnwinding.FP).getAsLong());
        assertEquals(SP + 0x40, caller.get(RiscvUnwinding.SP).getAsLong());
    }

    @Test
    void aFrameOfTheFunctionAtMtvecsBaseReturnsToMepcInEveryMtvecMode() {
        RegisterValues caller = RegisterValues.of(Map.of(RiscvUnwinding.SP, SP + 64, RiscvUnwinding.RA, 0x8000_0042L));
        for (long mtvec : new long[] {START, START | 1, START | 3}) {
            RegisterValues handler = RegisterValues.of(Map.of(RiscvUnwinding.PC, START + 0x20, RiscvUnwinding.SP, SP,
                    RiscvUnwinding.MTVEC, mtvec, RiscvUnwinding.MEPC, 0x8000_0010L, RiscvUnwinding.MCAUSE, 5L));

            UnwindArchitecture.ExceptionReturn trap = riscv.trapReturn(START, handler, caller).orElseThrow();

            assertEquals(0x8000_0010L, trap.interrupted().get(RiscvUnwinding.PC).getAsLong());
            assertEquals(0x8000_0042L, trap.interrupted().get(RiscvUnwinding.RA).getAsLong());
            assertEquals("LoadAccessFault", trap.exception());
            assertTrue(riscv.trapReturn(START + 0x40, handler, caller).isEmpty(), "another function is no trap handler");
        }
        assertEquals("Interrupt7", RiscvUnwinding.trapName(0x8000_0007L));
    }

    @Test
    void followsTheFramePointerWhereThePrologueSavesNoReturnAddress() {
        words.put(START, 0x0000_0001L);     // c.nop: no prologue the scan knows
        words.put(SP + 0x40 - 4, 0x8000_0200L);
        words.put(SP + 0x40 - 8, SP + 0x80);
        RegisterValues frame = RegisterValues.of(Map.of(RiscvUnwinding.PC, START + 2, RiscvUnwinding.SP, SP,
                RiscvUnwinding.FP, SP + 0x40));

        RegisterValues caller = riscv.unwindWithoutCfi(frame, false, START, memory).orElseThrow();

        assertEquals(0x8000_0200L, caller.get(RiscvUnwinding.RA).getAsLong());
        assertEquals(SP + 0x40, caller.get(RiscvUnwinding.SP).getAsLong());
    }
}
