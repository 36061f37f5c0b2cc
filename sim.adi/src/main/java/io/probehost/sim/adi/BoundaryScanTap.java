package io.probehost.sim.adi;

/**
 * A chip's IEEE 1149.1 boundary-scan TAP as a debugger sees it: an IR of {@code irLength} bits that
 * captures 0b...01, IDCODE selected after Test-Logic-Reset (opcode 1), BYPASS (all ones) for every
 * other instruction. The boundary register itself (EXTEST, SAMPLE/PRELOAD) is not modelled: those
 * opcodes select BYPASS too.
 */
final class BoundaryScanTap implements TapShifter.DataRegisters {
    private static final int IDCODE_INSTRUCTION = 1;

    private final int idcode;
    private final TapShifter tap;
    private boolean silent;

    BoundaryScanTap(int irLength, int idcode) {
        this.idcode = idcode;
        this.tap = new TapShifter(irLength, 1, IDCODE_INSTRUCTION, this);
    }

    void reset() {
        tap.reset();
    }

    void setSilent(boolean silent) {
        this.silent = silent;
    }

    boolean tdo() {
        return silent || tap.tdo();
    }

    /** One TCK cycle; returns TDO as driven before the rising edge. */
    boolean clock(boolean tms, boolean tdi) {
        boolean sampled = tdo();
        tap.clock(tms, tdi);
        return sampled;
    }

    @Override
    public void captureDr(int instruction) {
        if (instruction == IDCODE_INSTRUCTION) {
            tap.load(idcode & 0xFFFF_FFFFL, 32);
        } else {
            tap.load(0, 1);
        }
    }

    @Override
    public void updateDr(int instruction, long shifted) {
        // IDCODE and BYPASS have nothing to update
    }
}
