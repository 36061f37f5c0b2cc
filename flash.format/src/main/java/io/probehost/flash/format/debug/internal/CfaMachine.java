package io.probehost.flash.format.debug.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import io.probehost.flash.format.Hex;
import io.probehost.flash.format.debug.RegisterRule;
import io.probehost.flash.format.debug.RegisterRule.Kind;
import io.probehost.flash.format.debug.UnwindRow;
import io.probehost.flash.format.debug.internal.FrameTableReader.Fde;

/** Runs the DW_CFA instructions of a CIE and an FDE up to a code address (DWARF 5 §6.4.2). */
public final class CfaMachine {

    private static final int DW_CFA_ADVANCE_LOC = 0x1;
    private static final int DW_CFA_OFFSET = 0x2;
    private static final int DW_CFA_RESTORE = 0x3;

    private static final class Row {
        int cfaRegister;
        long cfaOffset;
        boolean cfaExpression;
        Map<Integer, RegisterRule> rules = new HashMap<>();

        Row copy() {
            Row r = new Row();
            r.cfaRegister = cfaRegister;
            r.cfaOffset = cfaOffset;
            r.cfaExpression = cfaExpression;
            r.rules = new HashMap<>(rules);
            return r;
        }
    }

    private CfaMachine() {
    }

    /** The row that holds at {@code pc}, which must lie in the FDE's range. */
    public static UnwindRow rowAt(Fde fde, long pc) {
        Row initial = new Row();
        execute(fde, fde.cie().initialInstructions(), initial, null, Long.MAX_VALUE, fde.start());
        Row row = initial.copy();
        execute(fde, fde.instructions(), row, initial, pc, fde.start());
        return new UnwindRow(fde.start(), row.cfaRegister, row.cfaOffset, row.cfaExpression, row.rules,
                fde.cie().returnAddressRegister());
    }

    private static void execute(Fde fde, byte[] program, Row row, Row initial, long pc, long start) {
        DwarfCursor in = new DwarfCursor(".debug_frame FDE " + Hex.address(fde.start()), program);
        long codeAlign = fde.cie().codeAlignment();
        long dataAlign = fde.cie().dataAlignment();
        Deque<Row> stack = new ArrayDeque<>();
        long location = start;
        Row current = row;
        while (in.hasMore()) {
            int op = in.u8();
            int high = op >>> 6;
            int low = op & 0x3F;
            long advance = -1;
            if (high == DW_CFA_ADVANCE_LOC) {
                advance = low * codeAlign;
            } else if (high == DW_CFA_OFFSET) {
                current.rules.put(low, RegisterRule.of(Kind.OFFSET, in.uleb() * dataAlign));
            } else if (high == DW_CFA_RESTORE) {
                restore(current, initial, low);
            } else {
                switch (op) {
                    case 0x00 -> { }
                    case 0x01 -> {
                        long target = in.fixed(fde.cie().addressSize());
                        if (target > pc) {
                            return;
                        }
                        location = target;
                    }
                    case 0x02 -> advance = in.u8() * codeAlign;
                    case 0x03 -> advance = in.u16() * codeAlign;
                    case 0x04 -> advance = in.u32() * codeAlign;
                    case 0x05 -> current.rules.put((int) in.uleb(), RegisterRule.of(Kind.OFFSET, in.uleb() * dataAlign));
                    case 0x06 -> restore(current, initial, (int) in.uleb());
                    case 0x07 -> current.rules.put((int) in.uleb(), RegisterRule.of(Kind.UNDEFINED, 0));
                    case 0x08 -> current.rules.put((int) in.uleb(), RegisterRule.of(Kind.SAME_VALUE, 0));
                    case 0x09 -> current.rules.put((int) in.uleb(), RegisterRule.of(Kind.REGISTER, in.uleb()));
                    case 0x0A -> stack.push(current.copy());
                    case 0x0B -> {
                        if (stack.isEmpty()) {
                            throw in.error("DW_CFA_restore_state with no remembered state");
                        }
                        Row saved = stack.pop();
                        current.cfaRegister = saved.cfaRegister;
                        current.cfaOffset = saved.cfaOffset;
                        current.cfaExpression = saved.cfaExpression;
                        current.rules = saved.rules;
                    }
                    case 0x0C -> {
                        current.cfaRegister = (int) in.uleb();
                        current.cfaOffset = in.uleb();
                        current.cfaExpression = false;
                    }
                    case 0x0D -> {
                        current.cfaRegister = (int) in.uleb();
                        current.cfaExpression = false;
                    }
                    case 0x0E -> current.cfaOffset = in.uleb();
                    case 0x0F -> {
                        in.skip(in.uleb());
                        current.cfaExpression = true;
                    }
                    case 0x10, 0x16 -> {
                        int register = (int) in.uleb();
                        in.skip(in.uleb());
                        current.rules.put(register, RegisterRule.of(op == 0x10 ? Kind.EXPRESSION : Kind.VAL_EXPRESSION, 0));
                    }
                    case 0x11 -> current.rules.put((int) in.uleb(), RegisterRule.of(Kind.OFFSET, in.sleb() * dataAlign));
                    case 0x12 -> {
                        current.cfaRegister = (int) in.uleb();
                        current.cfaOffset = in.sleb() * dataAlign;
                        current.cfaExpression = false;
                    }
                    case 0x13 -> current.cfaOffset = in.sleb() * dataAlign;
                    case 0x14 -> current.rules.put((int) in.uleb(), RegisterRule.of(Kind.VAL_OFFSET, in.uleb() * dataAlign));
                    case 0x15 -> current.rules.put((int) in.uleb(), RegisterRule.of(Kind.VAL_OFFSET, in.sleb() * dataAlign));
                    case 0x2E -> in.uleb();
                    default -> throw in.error("unknown CFA instruction " + Hex.address(op) + " at offset " + (in.position() - 1));
                }
            }
            if (advance >= 0) {
                if (location + advance > pc) {
                    return;
                }
                location += advance;
            }
        }
    }

    private static void restore(Row row, Row initial, int register) {
        RegisterRule rule = initial == null ? null : initial.rules.get(register);
        if (rule == null) {
            row.rules.remove(register);
        } else {
            row.rules.put(register, rule);
        }
    }
}
