package io.probehost.sim.adi;

/** IEEE 1149.1 TAP controller states, with OpenOCD's 4-bit state codes. */
public enum TapState {
    TEST_LOGIC_RESET(0xF), RUN_TEST_IDLE(0xC),
    SELECT_DR_SCAN(0x7), CAPTURE_DR(0x6), SHIFT_DR(0x2), EXIT1_DR(0x1), PAUSE_DR(0x3), EXIT2_DR(0x0), UPDATE_DR(0x5),
    SELECT_IR_SCAN(0x4), CAPTURE_IR(0xE), SHIFT_IR(0xA), EXIT1_IR(0x9), PAUSE_IR(0xB), EXIT2_IR(0x8), UPDATE_IR(0xD);

    final int code;

    TapState(int code) {
        this.code = code;
    }

    public TapState next(boolean tms) {
        switch (this) {
            case TEST_LOGIC_RESET:
                return tms ? TEST_LOGIC_RESET : RUN_TEST_IDLE;
            case RUN_TEST_IDLE:
            case UPDATE_DR:
            case UPDATE_IR:
                return tms ? SELECT_DR_SCAN : RUN_TEST_IDLE;
            case SELECT_DR_SCAN:
                return tms ? SELECT_IR_SCAN : CAPTURE_DR;
            case CAPTURE_DR:
            case SHIFT_DR:
            case EXIT2_DR:
                return tms ? EXIT1_DR : SHIFT_DR;
            case EXIT1_DR:
                return tms ? UPDATE_DR : PAUSE_DR;
            case PAUSE_DR:
                return tms ? EXIT2_DR : PAUSE_DR;
            case SELECT_IR_SCAN:
                return tms ? TEST_LOGIC_RESET : CAPTURE_IR;
            case CAPTURE_IR:
            case SHIFT_IR:
            case EXIT2_IR:
                return tms ? EXIT1_IR : SHIFT_IR;
            case EXIT1_IR:
                return tms ? UPDATE_IR : PAUSE_IR;
            case PAUSE_IR:
                return tms ? EXIT2_IR : PAUSE_IR;
            default:
                throw new IllegalStateException(name());
        }
    }
}
