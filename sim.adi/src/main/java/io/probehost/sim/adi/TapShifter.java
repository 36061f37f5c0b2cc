package io.probehost.sim.adi;

/**
 * What every IEEE 1149.1 TAP has in common: the controller's state machine, the instruction and
 * data shift registers and TDO. What an instruction's data register captures and what its update
 * does is the owner's ({@link DataRegisters}); the owner also decides when TDO is not driven.
 * Instruction codes are plain ints; Test-Logic-Reset selects the reset instruction (IDCODE).
 */
public final class TapShifter {
    /** The data registers behind the instructions of one TAP. */
    public interface DataRegisters {
        /** Capture-DR with {@code instruction} selected: {@link TapShifter#load} the value and length to shift. */
        void captureDr(int instruction);

        /** Update-DR with {@code instruction} selected: {@code shifted} holds the bits shifted in, LSB first. */
        void updateDr(int instruction, long shifted);
    }

    private final int irLength;
    private final int irCapture;
    private final int resetInstruction;
    private final DataRegisters registers;
    private TapState state = TapState.TEST_LOGIC_RESET;
    private int instruction;
    private int irShift;
    private long drShift;
    private int drLength;
    private boolean tdo = true;

    /**
     * @param irCapture the value Capture-IR loads; its two low bits must be 01
     */
    public TapShifter(int irLength, int irCapture, int resetInstruction, DataRegisters registers) {
        this.irLength = irLength;
        this.irCapture = irCapture;
        this.resetInstruction = resetInstruction;
        this.registers = registers;
        this.instruction = resetInstruction;
    }

    /** Sets the data register a Capture-DR shifts out: its value and its length in bits (1 to 64). */
    public void load(long value, int length) {
        drShift = value;
        drLength = length;
    }

    /** One TCK cycle: shift or capture in the current state, then move on TMS; returns the TDO driven before it. */
    public boolean clock(boolean tms, boolean tdi) {
        boolean sampled = tdo;
        switch (state) {
            case CAPTURE_IR -> irShift = irCapture;
            case SHIFT_IR -> irShift = (irShift >>> 1) | ((tdi ? 1 : 0) << (irLength - 1));
            case CAPTURE_DR -> registers.captureDr(instruction);
            case SHIFT_DR -> drShift = (drShift >>> 1) | ((tdi ? 1L : 0L) << (drLength - 1));
            default -> { }
        }
        state = state.next(tms);
        switch (state) {
            case TEST_LOGIC_RESET -> instruction = resetInstruction;
            case UPDATE_IR -> instruction = irShift;
            case UPDATE_DR -> registers.updateDr(instruction, drShift);
            default -> { }
        }
        tdo = switch (state) {
            case SHIFT_DR -> (drShift & 1) != 0;
            case SHIFT_IR -> (irShift & 1) != 0;
            default -> true;
        };
        return sampled;
    }

    /** TRST, or the end of a switch to JTAG: Test-Logic-Reset with the reset instruction selected. */
    public void reset() {
        state = TapState.TEST_LOGIC_RESET;
        instruction = resetInstruction;
        tdo = true;
    }

    public TapState state() {
        return state;
    }

    /** TDO as the TAP drives it now (high outside the shift states). */
    public boolean tdo() {
        return tdo;
    }
}
