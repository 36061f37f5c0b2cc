package io.probehost.flash.format.debug.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.probehost.flash.format.debug.RegisterRule;
import io.probehost.flash.format.debug.UnwindRow;

/** EHABI index and table entries as arm-none-eabi-gcc 12 writes them (bytes as readelf -u decodes them), turned into CFI rows. */
class ExidxTableTest {
    private static final long INDEX = 0x100;
    private static final long TABLE = 0x200;

    /** An index of (function start, second word) pairs at {@link #INDEX}; a second word below 0x100 is a table offset. */
    private static byte[] index(long... pairs) {
        ByteBuffer buffer = ByteBuffer.allocate(pairs.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < pairs.length; i += 2) {
            long place = INDEX + 4L * i;
            buffer.putInt((int) ((pairs[i] - place) & 0x7FFF_FFFFL));
            long second = pairs[i + 1];
            buffer.putInt(second < 0x100 ? (int) ((TABLE + second - place - 4) & 0x7FFF_FFFFL) : (int) second);
        }
        return buffer.array();
    }

    private static byte[] table(int... words) {
        ByteBuffer buffer = ByteBuffer.allocate(words.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int word : words) {
            buffer.putInt(word);
        }
        return buffer.array();
    }

    private static RegisterRule at(long offset) {
        return RegisterRule.of(RegisterRule.Kind.OFFSET, offset);
    }

    @Test
    void turnsInlineAndTableEntriesIntoRowsOfTheFunctionThatHoldsThePc() {
        ExidxTable exidx = new ExidxTable(INDEX, index(0x40, 0x80b0_b0b0L, 0x90, 0x0, 0xa4, 0x80b1_08a9L, 0xe4, 1),
                TABLE, table(0x8101_b108, 0x8400_b0b0));

        UnwindRow leaf = exidx.rowAt(0x44).orElseThrow();
        assertEquals(new UnwindRow(0x40, 13, 0, false, Map.of(), 14), leaf);
        UnwindRow middle = exidx.rowAt(0x9a).orElseThrow();
        assertEquals(new UnwindRow(0x90, 13, 8, false, Map.of(3, at(-8), 14, at(-4)), 14), middle);
        UnwindRow outer = exidx.rowAt(0xa4).orElseThrow();
        assertEquals(new UnwindRow(0xa4, 13, 16, false, Map.of(3, at(-16), 4, at(-12), 5, at(-8), 14, at(-4)), 14),
                outer);
        assertTrue(exidx.rowAt(0xe4).isEmpty(), "EXIDX_CANTUNWIND");
        assertTrue(exidx.rowAt(0x3e).isEmpty(), "before the first function");
    }

    @Test
    void aFramePointerBaseAndAPoppedPcAreKept() {
        // vsp = r7; pop {r7, pc}: the frame of push {r7, lr}; mov r7, sp, unwound through r7.
        ExidxTable exidx = new ExidxTable(INDEX, index(0x40, 0x8097_8808L), TABLE, new byte[0]);

        UnwindRow row = exidx.rowAt(0x50).orElseThrow();

        assertEquals(new UnwindRow(0x40, 7, 8, false, Map.of(7, at(-8), 15, at(-4)), 15), row);
    }

    @Test
    void refusesWhatARowCannotSay() {
        assertTrue(new ExidxTable(INDEX, index(0x40, 0x8080_00b0L), TABLE, new byte[0]).rowAt(0x40).isEmpty(),
                "pop of no register: refuse to unwind");
        assertTrue(new ExidxTable(INDEX, index(0x40, 0x0), TABLE, table(0x0000_1234)).rowAt(0x40).isEmpty(),
                "generic model: a language's personality routine");
    }
}
