package io.probehost.sim.adi;

import io.probehost.sim.adi.DebugPort.Protocol;

/**
 * The JTAG-DP: a TAP with a 4-bit IR and the ARM instructions ABORT, DPACC, APACC, IDCODE and
 * BYPASS. DPACC/APACC scans are 35 bits: {DATAIN[31:0], A[3:2], RnW} in and
 * {ReadResult[31:0], ACK[2:0]} out, the read result being that of the previous transaction.
 */
final class JtagDp {
    static final int IR_LENGTH = 4;
    /** Capture-IR value: ends in binary 01 as IEEE 1149.1 requires. */
    static final int IR_CAPTURE = 0b0001;

    enum Instruction {
        ABORT(0x8, 35), DPACC(0xA, 35), APACC(0xB, 35), IDCODE(0xE, 32), BYPASS(0xF, 1);

        final int code;
        final int drLength;

        Instruction(int code, int drLength) {
            this.code = code;
            this.drLength = drLength;
        }

        /** Unimplemented opcodes select BYPASS, as IEEE 1149.1 requires. */
        static Instruction fromCode(int code) {
            for (Instruction instruction : values()) {
                if (instruction.code == code) {
                    return instruction;
                }
            }
            return BYPASS;
        }
    }

    private final DebugPort dp;
    private final int idcode;
    private TapState state = TapState.TEST_LOGIC_RESET;
    private Instruction instruction = Instruction.IDCODE;
    private int irShift;
    private long drShift;
    private int drLength;
    private boolean tdo = true;
    private int readResult;
    private boolean discardUpdate;
    private boolean silent;

    JtagDp(DebugPort dp, int idcode) {
        this.dp = dp;
        this.idcode = idcode;
    }

    /** nTRST, or the end of a switch to JTAG: Test-Logic-Reset with IDCODE selected. */
    void reset() {
        state = TapState.TEST_LOGIC_RESET;
        instruction = Instruction.IDCODE;
        tdo = true;
    }

    /** While set, TDO is left to its pull-up and scans have no effect. */
    void setSilent(boolean silent) {
        this.silent = silent;
    }

    TapState state() {
        return state;
    }

    boolean tdo() {
        return silent || tdo;
    }

    /** One TCK cycle; returns TDO as sampled before the rising edge. */
    boolean clock(boolean tms, boolean tdi) {
        boolean sampled = tdo();
        risingEdge(tdi);
        state = state.next(tms);
        enterState();
        tdo = switch (state) {
            case SHIFT_DR -> (drShift & 1) != 0;
            case SHIFT_IR -> (irShift & 1) != 0;
            default -> true;
        };
        return sampled;
    }

    private void risingEdge(boolean tdi) {
        switch (state) {
            case CAPTURE_IR:
                irShift = IR_CAPTURE;
                break;
            case SHIFT_IR:
                irShift = (irShift >>> 1) | ((tdi ? 1 : 0) << (IR_LENGTH - 1));
                break;
            case CAPTURE_DR:
                captureDr();
                break;
            case SHIFT_DR:
                drShift = (drShift >>> 1) | ((tdi ? 1L : 0L) << (drLength - 1));
                break;
            default:
                break;
        }
    }

    private void enterState() {
        switch (state) {
            case TEST_LOGIC_RESET:
                instruction = Instruction.IDCODE;
                break;
            case UPDATE_IR:
                instruction = Instruction.fromCode(irShift);
                break;
            case UPDATE_DR:
                updateDr();
                break;
            default:
                break;
        }
    }

    private void captureDr() {
        drLength = instruction.drLength;
        switch (instruction) {
            case IDCODE:
                drShift = idcode & 0xFFFF_FFFFL;
                break;
            case BYPASS:
                drShift = 0;
                break;
            default:
                boolean wait = !silent && instruction != Instruction.ABORT && dp.jtagPreviousStillBusy();
                discardUpdate = wait;
                int ack = wait ? Ack.WAIT.jtagCode() : Ack.OK.jtagCode();
                drShift = ((readResult & 0xFFFF_FFFFL) << 3) | ack;
                break;
        }
    }

    private void updateDr() {
        if (silent || drLength != 35) {
            return;
        }
        if (discardUpdate) {
            discardUpdate = false;
            return;
        }
        boolean read = (drShift & 1) != 0;
        int address = (int) ((drShift >>> 1) & 0b11) << 2;
        int data = (int) (drShift >>> 3);
        switch (instruction) {
            case ABORT:
                dp.writeDp(DebugPort.DP_0, data, Protocol.JTAG);
                break;
            case DPACC:
                if (read) {
                    readResult = dp.readDp(address, Protocol.JTAG);
                } else {
                    dp.writeDp(address, data, Protocol.JTAG);
                }
                break;
            case APACC:
                if (dp.hasStickyError()) {
                    break; // with a sticky flag set the JTAG-DP drops AP transactions
                }
                if (read) {
                    readResult = dp.readApNow(address);
                } else {
                    dp.writeAp(address, data);
                }
                break;
            default:
                break;
        }
    }
}
