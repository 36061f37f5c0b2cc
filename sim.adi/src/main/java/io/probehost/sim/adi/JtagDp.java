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
    private final TapShifter tap;
    private int readResult;
    private boolean discardUpdate;
    private boolean silent;

    JtagDp(DebugPort dp, int idcode) {
        this.dp = dp;
        this.idcode = idcode;
        this.tap = new TapShifter(IR_LENGTH, IR_CAPTURE, Instruction.IDCODE.code, new Registers());
    }

    /** nTRST, or the end of a switch to JTAG: Test-Logic-Reset with IDCODE selected. */
    void reset() {
        tap.reset();
    }

    /** While set, TDO is left to its pull-up and scans have no effect. */
    void setSilent(boolean silent) {
        this.silent = silent;
    }

    TapState state() {
        return tap.state();
    }

    boolean tdo() {
        return silent || tap.tdo();
    }

    /** One TCK cycle; returns TDO as sampled before the rising edge. */
    boolean clock(boolean tms, boolean tdi) {
        boolean sampled = tdo();
        tap.clock(tms, tdi);
        return sampled;
    }

    private final class Registers implements TapShifter.DataRegisters {
        @Override
        public void captureDr(int code) {
            Instruction instruction = Instruction.fromCode(code);
            switch (instruction) {
                case IDCODE:
                    tap.load(idcode & 0xFFFF_FFFFL, instruction.drLength);
                    break;
                case BYPASS:
                    tap.load(0, instruction.drLength);
                    break;
                default:
                    boolean wait = !silent && instruction != Instruction.ABORT && dp.jtagPreviousStillBusy();
                    discardUpdate = wait;
                    int ack = wait ? Ack.WAIT.jtagCode() : Ack.OK.jtagCode();
                    tap.load(((readResult & 0xFFFF_FFFFL) << 3) | ack, instruction.drLength);
                    break;
            }
        }

        @Override
        public void updateDr(int code, long shifted) {
            Instruction instruction = Instruction.fromCode(code);
            if (silent || instruction.drLength != 35) {
                return;
            }
            if (discardUpdate) {
                discardUpdate = false;
                return;
            }
            boolean read = (shifted & 1) != 0;
            int address = (int) ((shifted >>> 1) & 0b11) << 2;
            int data = (int) (shifted >>> 3);
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
}
