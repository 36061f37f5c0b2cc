package io.probehost.flash.format.debug.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.probehost.flash.format.ImageFormatException;
import io.probehost.flash.format.debug.RegisterRule;
import io.probehost.flash.format.debug.RegisterRule.Kind;
import io.probehost.flash.format.debug.UnwindRow;

/** CIE/FDE parsing and CFA rows from the verified GCC and LLVM byte dumps in arm-unwind.md §5.5. */
class CfaMachineTest {

    private static final int[] GCC_CIE = {0x0c, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x01, 0x00, 0x02, 0x7c, 0x0e, 0x0c, 0x0d, 0x00};
    private static final int[] LLVM_CIE = {0x10, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x04, 0x00, 0x04, 0x00, 0x01, 0x7c, 0x0e,
        0x0c, 0x0d, 0x00, 0x00, 0x00};

    private static DebugFrameTable table(int[] cie, int... fdeInstructions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b : cie) {
            out.write(b);
        }
        int padded = (fdeInstructions.length + 3) & ~3;
        word(out, 12 + padded);
        word(out, 0);
        word(out, 0x100);
        word(out, 0x40);
        for (int b : fdeInstructions) {
            out.write(b);
        }
        for (int i = fdeInstructions.length; i < padded; i++) {
            out.write(0);
        }
        return new DebugFrameTable(new FrameTableReader(new DwarfCursor(".debug_frame", out.toByteArray()), 4).read(), false);
    }

    private static void word(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)));
        }
    }

    private static String row(DebugFrameTable table, long pc) {
        UnwindRow row = table.rowAt(pc).orElseThrow();
        StringBuilder text = new StringBuilder("r" + row.cfaRegister() + "+" + row.cfaOffset());
        row.rules().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(" r").append(e.getKey()).append('=').append(e.getValue().kind()).append(e.getValue().value()));
        return text.toString();
    }

    @Test
    void runsTheGccCortexM4HardFloatPrologue() {
        DebugFrameTable gcc = table(GCC_CIE, 0x41, 0x0e, 0x08, 0x83, 0x02, 0x8e, 0x01, 0x42, 0x0e, 0x20, 0x05, 0x50, 0x08,
                0x05, 0x51, 0x07);

        assertEquals("r13+0", row(gcc, 0x100));
        assertEquals("r13+8 r3=OFFSET-8 r14=OFFSET-4", row(gcc, 0x102));
        assertEquals("r13+8 r3=OFFSET-8 r14=OFFSET-4", row(gcc, 0x105));
        assertEquals("r13+32 r3=OFFSET-8 r14=OFFSET-4 r80=OFFSET-32 r81=OFFSET-28", row(gcc, 0x106));
        assertEquals(14, gcc.rowAt(0x106).orElseThrow().returnAddressRegister());
        assertTrue(gcc.rowAt(0x140).isEmpty());
        assertTrue(gcc.rowAt(0xFE).isEmpty());
    }

    @Test
    void runsTheLlvmVersion4CieWithAFramePointerAndDRegisters() {
        DebugFrameTable llvm = table(LLVM_CIE, 0x42, 0x0e, 0x08, 0x8e, 0x01, 0x87, 0x02, 0x42, 0x0d, 0x07, 0x44, 0x05, 0x8a,
                0x02, 0x04);

        assertEquals("r13+8 r7=OFFSET-8 r14=OFFSET-4", row(llvm, 0x102));
        assertEquals("r7+8 r7=OFFSET-8 r14=OFFSET-4", row(llvm, 0x104));
        assertEquals("r7+8 r7=OFFSET-8 r14=OFFSET-4 r266=OFFSET-16", row(llvm, 0x108));
    }

    @Test
    void restoresRememberedStateAfterAnEarlyEpilogue() {
        // CFA=SP+8, LR at CFA-4; remember; +2: CFA=SP+0, restore LR; +2: restore_state.
        DebugFrameTable table = table(GCC_CIE, 0x0e, 0x08, 0x8e, 0x01, 0x0a, 0x41, 0x0e, 0x00, 0xce, 0x41, 0x0b);

        assertEquals("r13+8 r14=OFFSET-4", row(table, 0x100));
        assertEquals("r13+0", row(table, 0x102));
        assertEquals("r13+8 r14=OFFSET-4", row(table, 0x104));
    }

    @Test
    void keepsSameValueUndefinedRegisterAndValOffsetRules() {
        DebugFrameTable table = table(GCC_CIE, 0x08, 0x04, 0x07, 0x05, 0x09, 0x06, 0x0e, 0x14, 0x08, 0x02);

        UnwindRow row = table.rowAt(0x100).orElseThrow();
        assertEquals(RegisterRule.of(Kind.SAME_VALUE, 0), row.rules().get(4));
        assertEquals(RegisterRule.of(Kind.UNDEFINED, 0), row.rules().get(5));
        assertEquals(RegisterRule.of(Kind.REGISTER, 14), row.rules().get(6));
        assertEquals(RegisterRule.of(Kind.VAL_OFFSET, -8), row.rules().get(8));
    }

    @Test
    void refusesAnUnknownInstructionNamingIt() {
        DebugFrameTable table = table(GCC_CIE, 0x2f);

        ImageFormatException e = assertThrows(ImageFormatException.class, () -> table.rowAt(0x100));
        assertEquals(".debug_frame FDE 0x00000100: unknown CFA instruction 0x0000002F at offset 0", e.getMessage());
    }

    @Test
    void refusesAnFdeWhoseCieIsMissing() {
        byte[] fde = {12, 0, 0, 0, 0x40, 0, 0, 0, 0, 1, 0, 0, 0x40, 0, 0, 0};
        FrameTableReader reader = new FrameTableReader(new DwarfCursor(".debug_frame", fde), 4);

        ImageFormatException e = assertThrows(ImageFormatException.class, reader::read);
        assertTrue(e.getMessage().startsWith(".debug_frame: FDE at 0x00000008 points to CIE 0x00000040"), e.getMessage());
    }
}
