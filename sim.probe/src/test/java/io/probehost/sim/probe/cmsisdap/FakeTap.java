package io.probehost.sim.probe.cmsisdap;

import io.probehost.sim.adi.SwjPins;

/** An IEEE 1149.1 TAP with only IDCODE (opcode 0xE, also selected by Test-Logic-Reset) and BYPASS. */
final class FakeTap implements SwjPins {
    private enum State {
        TLR, RTI, SELECT_DR, CAPTURE_DR, SHIFT_DR, EXIT1_DR, PAUSE_DR, EXIT2_DR, UPDATE_DR,
        SELECT_IR, CAPTURE_IR, SHIFT_IR, EXIT1_IR, PAUSE_IR, EXIT2_IR, UPDATE_IR
    }

    private static final int IDCODE_OPCODE = 0xE;
    private final int irLength;
    private final int idcode;
    private State state = State.TLR;
    private int ir = IDCODE_OPCODE;
    private long irShift;
    private long drShift;

    FakeTap(int irLength, int idcode) {
        this.irLength = irLength;
        this.idcode = idcode;
    }

    int instruction() {
        return ir;
    }

    @Override
    public boolean jtagClock(boolean tms, boolean tdi) {
        boolean out = tdo();
        long in = tdi ? 1 : 0;
        switch (state) {
            case CAPTURE_DR -> drShift = ir == IDCODE_OPCODE ? idcode & 0xFFFF_FFFFL : 0;
            case SHIFT_DR -> {
                int len = ir == IDCODE_OPCODE ? 32 : 1;
                drShift = (drShift >>> 1) | in << (len - 1);
            }
            case CAPTURE_IR -> irShift = 0b01;
            case SHIFT_IR -> irShift = (irShift >>> 1) | in << (irLength - 1);
            default -> {
            }
        }
        state = next(state, tms);
        if (state == State.UPDATE_IR) {
            ir = (int) irShift;
        } else if (state == State.TLR) {
            ir = IDCODE_OPCODE;
        }
        return out;
    }

    @Override
    public boolean tdo() {
        return switch (state) {
            case SHIFT_DR -> (drShift & 1) != 0;
            case SHIFT_IR -> (irShift & 1) != 0;
            default -> true;
        };
    }

    private static State next(State s, boolean tms) {
        return switch (s) {
            case TLR -> tms ? State.TLR : State.RTI;
            case RTI, UPDATE_DR, UPDATE_IR -> tms ? State.SELECT_DR : State.RTI;
            case SELECT_DR -> tms ? State.SELECT_IR : State.CAPTURE_DR;
            case CAPTURE_DR, SHIFT_DR, EXIT2_DR -> tms ? State.EXIT1_DR : State.SHIFT_DR;
            case EXIT1_DR -> tms ? State.UPDATE_DR : State.PAUSE_DR;
            case PAUSE_DR -> tms ? State.EXIT2_DR : State.PAUSE_DR;
            case SELECT_IR -> tms ? State.TLR : State.CAPTURE_IR;
            case CAPTURE_IR, SHIFT_IR, EXIT2_IR -> tms ? State.EXIT1_IR : State.SHIFT_IR;
            case EXIT1_IR -> tms ? State.UPDATE_IR : State.PAUSE_IR;
            case PAUSE_IR -> tms ? State.EXIT2_IR : State.PAUSE_IR;
        };
    }

    @Override
    public boolean swdClock(boolean hostDrives, boolean hostBit) {
        return !hostDrives || hostBit;
    }

    @Override
    public void jtagReset() {
        state = State.TLR;
        ir = IDCODE_OPCODE;
    }

    @Override
    public void setResetAsserted(boolean asserted) {
    }

    @Override
    public boolean resetPinHigh() {
        return true;
    }
}
