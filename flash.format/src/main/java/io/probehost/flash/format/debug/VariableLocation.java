package io.probehost.flash.format.debug;

/**
 * Where a variable lives while its function runs, for the simple single-operation DWARF location
 * expressions compilers emit at {@code -O0}: {@code DW_OP_fbreg} (frame base + offset),
 * {@code DW_OP_reg<n>}/{@code DW_OP_regx} (in a register), {@code DW_OP_breg<n>} (register +
 * offset), {@code DW_OP_addr} (a fixed address) and {@code DW_OP_call_frame_cfa} (a frame base that
 * is the CFA). Anything else (location lists, composite pieces) is {@link Kind#UNKNOWN}.
 */
public record VariableLocation(Kind kind, int register, long offset) {

    public enum Kind {
        FRAME_BASE_OFFSET, REGISTER, REGISTER_OFFSET, ADDRESS, CALL_FRAME_CFA, UNKNOWN
    }

    public static final VariableLocation UNKNOWN = new VariableLocation(Kind.UNKNOWN, -1, 0);

    private static final int DW_OP_ADDR = 0x03;
    private static final int DW_OP_REG0 = 0x50;
    private static final int DW_OP_BREG0 = 0x70;
    private static final int DW_OP_REGX = 0x90;
    private static final int DW_OP_FBREG = 0x91;
    private static final int DW_OP_BREGX = 0x92;
    private static final int DW_OP_CALL_FRAME_CFA = 0x9c;

    /** Decodes a location expression of one operation; longer or other expressions give {@link #UNKNOWN}. */
    public static VariableLocation decode(byte[] expression) {
        if (expression == null || expression.length == 0) {
            return UNKNOWN;
        }
        int op = expression[0] & 0xFF;
        long[] operand = new long[2];
        int end;
        if (op == DW_OP_CALL_FRAME_CFA) {
            end = 1;
            return expression.length == end ? new VariableLocation(Kind.CALL_FRAME_CFA, -1, 0) : UNKNOWN;
        }
        if (op == DW_OP_ADDR) {
            long address = 0;
            for (int i = 1; i < expression.length; i++) {
                address |= (expression[i] & 0xFFL) << (8 * (i - 1));
            }
            return expression.length == 5 || expression.length == 9 ? new VariableLocation(Kind.ADDRESS, -1, address) : UNKNOWN;
        }
        if (op >= DW_OP_REG0 && op < DW_OP_REG0 + 32) {
            return expression.length == 1 ? new VariableLocation(Kind.REGISTER, op - DW_OP_REG0, 0) : UNKNOWN;
        }
        if (op >= DW_OP_BREG0 && op < DW_OP_BREG0 + 32) {
            end = leb(expression, 1, true, operand, 0);
            return end == expression.length ? new VariableLocation(Kind.REGISTER_OFFSET, op - DW_OP_BREG0, operand[0]) : UNKNOWN;
        }
        if (op == DW_OP_REGX) {
            end = leb(expression, 1, false, operand, 0);
            return end == expression.length ? new VariableLocation(Kind.REGISTER, (int) operand[0], 0) : UNKNOWN;
        }
        if (op == DW_OP_BREGX) {
            end = leb(expression, leb(expression, 1, false, operand, 0), true, operand, 1);
            return end == expression.length ? new VariableLocation(Kind.REGISTER_OFFSET, (int) operand[0], operand[1]) : UNKNOWN;
        }
        if (op == DW_OP_FBREG) {
            end = leb(expression, 1, true, operand, 0);
            return end == expression.length ? new VariableLocation(Kind.FRAME_BASE_OFFSET, -1, operand[0]) : UNKNOWN;
        }
        return UNKNOWN;
    }

    /** Reads a LEB128 number at {@code at} into {@code out[slot]}; returns the offset after it (past the end when truncated). */
    private static int leb(byte[] b, int at, boolean signed, long[] out, int slot) {
        long value = 0;
        int shift = 0;
        int i = at;
        int last = 0;
        while (i < b.length) {
            last = b[i++] & 0xFF;
            value |= (long) (last & 0x7F) << shift;
            shift += 7;
            if ((last & 0x80) == 0) {
                break;
            }
            if (i == b.length) {
                return b.length + 1;
            }
        }
        if (i == at) {
            return b.length + 1;
        }
        if (signed && shift < 64 && (last & 0x40) != 0) {
            value |= -1L << shift;
        }
        out[slot] = value;
        return i;
    }
}
