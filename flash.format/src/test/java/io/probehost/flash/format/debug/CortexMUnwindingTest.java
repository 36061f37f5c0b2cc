package io.probehost.flash.format.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.probehost.flash.format.debug.UnwindArchitecture.ExceptionReturn;

/** Exception frames (arm-unwind.md §2-3) and the prologue scan, on hand-made stacks. */
class CortexMUnwindingTest {

    private static final long BASE = 0x2000_1000L;
    private final CortexMUnwinding arm = new CortexMUnwinding();
    private final Map<Long, Long> words = new HashMap<>();
    private final TargetMemory memory = address -> {
        Long word = words.get(address);
        if (word == null) {
            throw new IllegalStateException("unmapped " + Long.toHexString(address));
        }
        return word;
    };

    private void stackFrame(long at, long xpsr) {
        long[] values = {0x10, 0x11, 0x12, 0x13, 0x1C, 0x0800_0123L, 0x0800_0456L, xpsr};
        for (int i = 0; i < values.length; i++) {
            words.put(at + 4L * i, values[i]);
        }
    }

    private static RegisterValues handler(long ipsr) {
        return RegisterValues.of(Map.of(CortexMUnwinding.XPSR, 0x0100_0000L | ipsr, 4, 0x44L));
    }

    private ExceptionReturn pop(long excReturn, RegisterValues caller) {
        return arm.exceptionReturn(excReturn, handler(3), caller, memory).orElseThrow();
    }

    @Test
    void popsTheBasicFrameFromMspWhenExcReturnIsF9() {
        stackFrame(BASE, 0x0100_0000L);
        ExceptionReturn r = pop(0xFFFF_FFF9L, RegisterValues.of(Map.of(CortexMUnwinding.SP, BASE, 4, 0x44L)));

        RegisterValues s = r.interrupted();
        assertEquals("HardFault", r.exception());
        assertEquals(0x0800_0456L, s.get(CortexMUnwinding.PC).getAsLong());
        assertEquals(0x0800_0123L, s.get(CortexMUnwinding.LR).getAsLong());
        assertEquals(0x1CL, s.get(12).getAsLong());
        assertEquals(0x13L, s.get(3).getAsLong());
        assertEquals(0x44L, s.get(4).getAsLong());
        assertEquals(BASE + 0x20, s.get(CortexMUnwinding.SP).getAsLong());
        assertEquals(BASE + 0x20, s.get(CortexMUnwinding.MSP).getAsLong());
    }

    @Test
    void addsTheAlignmentWordWhenStackedXpsrBit9IsSet() {
        stackFrame(BASE, 0x0100_0200L);
        RegisterValues s = pop(0xFFFF_FFF1L, RegisterValues.of(Map.of(CortexMUnwinding.SP, BASE))).interrupted();

        assertEquals(BASE + 0x24, s.get(CortexMUnwinding.SP).getAsLong());
    }

    @Test
    void popsFromPspWhenExcReturnBit2IsSet() {
        stackFrame(BASE + 0x100, 0x0100_0000L);
        RegisterValues caller = RegisterValues.of(Map.of(CortexMUnwinding.SP, BASE, CortexMUnwinding.PSP, BASE + 0x100));

        RegisterValues s = pop(0xFFFF_FFFDL, caller).interrupted();

        assertEquals(0x0800_0456L, s.get(CortexMUnwinding.PC).getAsLong());
        assertEquals(BASE + 0x120, s.get(CortexMUnwinding.SP).getAsLong());
        assertEquals(BASE + 0x120, s.get(CortexMUnwinding.PSP).getAsLong());
    }

    @Test
    void restoresS0ToS15FromTheExtendedFrameWhenFTypeIsClear() {
        stackFrame(BASE, 0x0100_0000L);
        for (int i = 0; i < 18; i++) {
            words.put(BASE + 0x20 + 4L * i, 0x3F80_0000L + i);
        }
        RegisterValues s = pop(0xFFFF_FFE9L, RegisterValues.of(Map.of(CortexMUnwinding.SP, BASE))).interrupted();

        assertEquals(0x3F80_0000L, s.get(CortexMUnwinding.S0).getAsLong());
        assertEquals(0x3F80_000FL, s.get(CortexMUnwinding.S0 + 15).getAsLong());
        assertFalse(s.has(CortexMUnwinding.S0 + 16));
        assertEquals(BASE + 0x68, s.get(CortexMUnwinding.SP).getAsLong());
    }

    @Test
    void readsR4ToR11FromTheArmv8AdditionalStateContextWhenDcrsIsClear() {
        words.put(BASE, 0xFEFA_125BL);
        words.put(BASE + 4, 0L);
        for (int i = 0; i < 8; i++) {
            words.put(BASE + 8 + 4L * i, 0x40L + i);
        }
        stackFrame(BASE + 0x28, 0x0100_0000L);

        RegisterValues s = pop(0xFFFF_FF9CL, RegisterValues.of(Map.of(CortexMUnwinding.PSP, BASE))).interrupted();

        assertEquals(0x40L, s.get(4).getAsLong());
        assertEquals(0x47L, s.get(11).getAsLong());
        assertEquals(0x0800_0456L, s.get(CortexMUnwinding.PC).getAsLong());
        assertEquals(BASE + 0x48, s.get(CortexMUnwinding.PSP).getAsLong());
    }

    @Test
    void treatsOnlyPrefixFfValuesBelowAllOnesAsExceptionReturns() {
        assertTrue(CortexMUnwinding.isExceptionReturn(0xFFFF_FFF9L));
        assertTrue(CortexMUnwinding.isExceptionReturn(0xFFFF_FFBCL));
        assertFalse(CortexMUnwinding.isExceptionReturn(0xFFFF_FFFFL));
        assertFalse(CortexMUnwinding.isExceptionReturn(0xFEFF_FFFFL));
        assertFalse(CortexMUnwinding.isExceptionReturn(0x0800_0123L));
        assertTrue(arm.exceptionReturn(0x0800_0123L, handler(3), RegisterValues.empty(), memory).isEmpty());
    }

    @Test
    void namesExceptionsByIpsr() {
        assertEquals("NMI", CortexMUnwinding.exceptionName(2));
        assertEquals("SVCall", CortexMUnwinding.exceptionName(11));
        assertEquals("SysTick", CortexMUnwinding.exceptionName(15));
        assertEquals("IRQ5", CortexMUnwinding.exceptionName(21));
    }

    @Test
    void findsSavedRegistersAndTheReturnAddressByScanningPushAndSubSp() {
        long start = 0x100;
        words.put(start, 0xB082_B590L);     // push {r4, r7, lr}; sub sp, #8
        words.put(start + 4, 0x0000_AF00L); // add r7, sp, #0
        long sp = BASE - 20;
        words.put(BASE - 12, 0x0404L);      // r4
        words.put(BASE - 8, 0x0707L);       // r7
        words.put(BASE - 4, 0x0800_0201L);  // lr
        RegisterValues frame = RegisterValues.of(Map.of(CortexMUnwinding.PC, start + 6, CortexMUnwinding.SP, sp,
                CortexMUnwinding.LR, 0xDEADL));

        RegisterValues caller = arm.unwindWithoutCfi(frame, false, start, memory).orElseThrow();

        assertEquals(BASE, caller.get(CortexMUnwinding.SP).getAsLong());
        assertEquals(0x0800_0201L, caller.get(CortexMUnwinding.LR).getAsLong());
        assertEquals(0x0404L, caller.get(4).getAsLong());
        assertEquals(0x0707L, caller.get(7).getAsLong());
    }

    @Test
    void scansPushWideAndIgnoresInstructionsNotYetExecuted() {
        long start = 0x200;
        words.put(start, 0x4FF0_E92DL);     // push.w {r4-r11, lr}
        words.put(start + 4, 0x0000_B084L); // sub sp, #16 (not executed yet: the pc is on it)
        for (int i = 0; i < 9; i++) {
            words.put(BASE - 36 + 4L * i, 0x100L + i);
        }
        RegisterValues frame = RegisterValues.of(Map.of(CortexMUnwinding.PC, start + 4, CortexMUnwinding.SP, BASE - 36));

        RegisterValues caller = arm.unwindWithoutCfi(frame, false, start, memory).orElseThrow();

        assertEquals(BASE, caller.get(CortexMUnwinding.SP).getAsLong());
        assertEquals(0x100L, caller.get(4).getAsLong());
        assertEquals(0x107L, caller.get(11).getAsLong());
        assertEquals(0x108L, caller.get(CortexMUnwinding.LR).getAsLong());
    }

    @Test
    void givesUpOutsideTheInnermostFrameWhenTheFunctionDidNotPushLr() {
        words.put(0x300L, 0x0000_B410L);    // push {r4}
        words.put(BASE - 4, 0x44L);
        RegisterValues frame = RegisterValues.of(Map.of(CortexMUnwinding.PC, 0x302L, CortexMUnwinding.SP, BASE - 4,
                CortexMUnwinding.LR, 0x0800_0001L));

        assertTrue(arm.unwindWithoutCfi(frame, false, 0x300, memory).isEmpty());
        assertEquals(0x0800_0001L, arm.unwindWithoutCfi(frame, true, 0x300, memory).orElseThrow().get(CortexMUnwinding.LR)
                .getAsLong());
    }
}
