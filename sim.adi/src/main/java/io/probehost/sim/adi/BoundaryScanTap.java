package io.probehost.sim.adi;

/**
 * A chip's IEEE 1149.1 boundary-scan TAP as a debugger sees it: an IR of {@code irLength} bits that
 * captures 0b...01, IDCODE selected after Test-Logic-Reset (opcode 1), BYPASS (all ones) for every
 * other instruction. The boundary register itself (EXTEST, SAMPLE/PRELOAD) is not modelled: those
 * opcodes select BYPASS too.
 */
final class BoundaryScanTap {
    private static final int IDCODE_INSTRUCTION = 1;

    private final int irLength;
    private final int idcode;
    private TapState state = TapState.TEST_LOGIC_RESET;
    private int instruction = IDCODE_INSTRUCTION;
    private int irShift;
    private long drShift;
    private int drLength;
    private boolean tdo = true;
    private boolean silent;

    BoundaryScanTap(int irLength, int idcode) {
        this.irLength = irLength;
        this.idcode = idcode;
    }

    void reset() {
        state = TapState.TEST_LOGIC_RESET;
        instruction = IDCODE_INSTRUCTION;
        tdo = true;
    }

    void setSilent(boolean silent) {
        this.silent = silent;
    }

    boolean tdo() {
        return silent || tdo;
    }

    /** One TCK cycle; returns TDO as driven before the rising edge. */
    boolean clock(boolean tms, boolean tdi) {
        boolean sampled = tdo();
        switch (state) {
            case CAPTURE_IR -> irShift = 1;
            case SHIFT_IR -> irShift = (irShift >>> 1) | ((tdi ? 1 : 0) << (irLength - 1));
            case CAPTURE_DR -> {
                drLength = instruction == IDCODE_INSTRUCTION ? 32 : 1;
                drShift = instruction == IDCODE_INSTRUCTION ? idcode & 0xFFFF_FFFFL : 0;
            }
            case SHIFT_DR -> drShift = (drShift >>> 1) | ((tdi ? 1L : 0L) << (drLength - 1));
            default -> { }
        }
        state = state.next(tms);
        if (state == TapState.TEST_LOGIC_RESET) {
            instruction = IDCODE_INSTRUCTION;
        } else if (state == TapState.UPDATE_IR) {
            instruction = irShift;
        }
        tdo = switch (state) {
            case SHIFT_DR -> (drShift & 1) != 0;
            case SHIFT_IR -> (irShift & 1) != 0;
            default -> true;
        };
        return sampled;
    }
}
