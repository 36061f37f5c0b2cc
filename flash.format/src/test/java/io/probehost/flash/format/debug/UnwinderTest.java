package io.probehost.flash.format.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Where the unwinder stops, on a one-function program whose CFI says: CFA = SP + 8, LR at CFA - 4. */
class UnwinderTest {

    private static final long FUNCTION = 0x100;
    private static final long SP = 0x2000_0F00L;

    private final CallFrameInfo cfi = pc -> pc >= FUNCTION && pc < FUNCTION + 0x40
            ? Optional.of(new UnwindRow(FUNCTION, CortexMUnwinding.SP, 8, false,
                    Map.of(CortexMUnwinding.LR, RegisterRule.of(RegisterRule.Kind.OFFSET, -4)), CortexMUnwinding.LR))
            : Optional.empty();
    private final DebugInfo info = new DebugInfo(CortexMUnwinding.EM_ARM,
            new SymbolTable(List.of(new Symbol("loop", FUNCTION, 0x40, Symbol.Kind.FUNCTION, true, true))),
            new LineTable(List.of()), List.of(), cfi);
    private final Unwinder unwinder = new Unwinder(info, new CortexMUnwinding());

    private static RegisterValues at(long pc, long sp) {
        return RegisterValues.of(Map.of(CortexMUnwinding.PC, pc, CortexMUnwinding.SP, sp, CortexMUnwinding.LR, 0L));
    }

    @Test
    void endsAtTheResetValueOfLr() {
        Backtrace trace = unwinder.unwind(at(FUNCTION + 4, SP), address -> address == SP + 4 ? 0xFFFF_FFFFL : 0);

        assertEquals(1, trace.frames().size());
        assertEquals("end of stack (return address 0xFFFFFFFF)", trace.end());
        assertEquals("#0 0x00000104 in loop", trace.frames().get(0).toString());
    }

    @Test
    void endsWhereMemoryCannotBeRead() {
        Backtrace trace = unwinder.unwind(at(FUNCTION + 4, SP), address -> {
            throw new IllegalStateException("no memory at 0x2000_0F04");
        });

        assertEquals(1, trace.frames().size());
        assertEquals("memory unreadable while unwinding: no memory at 0x2000_0F04", trace.end());
    }

    @Test
    void stopsAtTheFrameLimitOnAStackThatNeverEnds() {
        // A corrupt stack: the saved LR points back into the same function with the CFA computed from SP;
        // each frame moves SP up by 8, so the walk ends at the frame limit instead of looping forever.
        Backtrace trace = unwinder.unwind(at(FUNCTION + 4, SP), address -> FUNCTION + 5);

        assertEquals(Unwinder.MAX_FRAMES, trace.frames().size());
        assertEquals("stopped after " + Unwinder.MAX_FRAMES + " frames", trace.end());
        assertEquals(StackFrame.Kind.CALLER, trace.frames().get(1).kind());
        assertEquals(SP + 8, trace.frames().get(1).registers().get(CortexMUnwinding.SP).getAsLong());
    }

    @Test
    void saysSoWhenNoCfiOrSymbolCoversACaller() {
        Backtrace trace = unwinder.unwind(at(FUNCTION + 4, SP), address -> 0x0800_0001L);

        assertEquals(2, trace.frames().size());
        assertEquals(0x0800_0000L, trace.frames().get(1).pc());
        assertEquals("no unwind information at 0x08000000", trace.end());
    }
}
