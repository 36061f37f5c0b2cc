package io.probehost.sim.probe.cmsisdap;

/**
 * JTAG-DP scans as JTAG_DP.c clocks them, for the TAP at {@link DapState#jtagIndex}: IR scans padded
 * with BYPASS ones for the other TAPs, 35-bit DPACC/APACC scans padded with bypass bits, with the
 * JTAG ACK swapped into the SWD-style codes (OK/FAULT 010 becomes 1, WAIT 001 becomes 2).
 */
final class JtagProtocol implements DapTransaction {
    static final int IR_ABORT = 0x8;
    static final int IR_DPACC = 0xA;
    static final int IR_APACC = 0xB;
    static final int IR_IDCODE = 0xE;

    private final SwjWire wire;
    private final DapState state;
    private final TestDomainTimer timer;
    /** Data captured by the last successful read scan (the previous transaction's result). */
    int data;

    JtagProtocol(SwjWire wire, DapState state, TestDomainTimer timer) {
        this.wire = wire;
        this.state = state;
        this.timer = timer;
    }

    /** JTAG_IR: from Run-Test/Idle through Shift-IR back to Run-Test/Idle. */
    void ir(int instruction) {
        int index = state.jtagIndex;
        wire.setTms(true);
        wire.jtagCycle(); // Select-DR-Scan
        wire.jtagCycle(); // Select-IR-Scan
        wire.setTms(false);
        wire.jtagCycle(); // Capture-IR
        wire.jtagCycle(); // Shift-IR
        wire.setTdi(true);
        for (int n = state.irBefore[index]; n > 0; n--) {
            wire.jtagCycle();
        }
        int ir = instruction;
        for (int n = state.irLength[index] - 1; n > 0; n--) {
            wire.jtagCycle((ir & 1) != 0);
            ir >>>= 1;
        }
        int after = state.irAfter[index];
        if (after > 0) {
            wire.jtagCycle((ir & 1) != 0);
            wire.setTdi(true);
            for (int n = after - 1; n > 0; n--) {
                wire.jtagCycle();
            }
            wire.setTms(true);
            wire.jtagCycle(); // Exit1-IR
        } else {
            wire.setTms(true);
            wire.jtagCycle((ir & 1) != 0); // last bit, Exit1-IR
        }
        wire.jtagCycle(); // Update-IR
        wire.setTms(false);
        wire.jtagCycle(); // Run-Test/Idle
        wire.setTdi(true);
        wire.flush();
    }

    @Override
    public int lastRead() {
        return data;
    }

    /** JTAG_Transfer: one DPACC/APACC scan (the IR must already select the right register). */
    @Override
    public int transfer(int request, int writeData) {
        enterShiftDr();
        int ack = (wire.jtagCycle((request & 0x02) != 0) ? 1 : 0) << 1;
        ack |= (wire.jtagCycle((request & 0x04) != 0) ? 1 : 0);
        ack |= (wire.jtagCycle((request & 0x08) != 0) ? 1 : 0) << 2;
        if (ack != TransferAck.OK) {
            wire.setTms(true);
            wire.jtagCycle(); // Exit1-DR
        } else if ((request & 0x02) != 0) {
            data = shiftData(0, true);
        } else {
            shiftData(writeData, false);
        }
        wire.jtagCycle(); // Update-DR
        wire.setTms(false);
        wire.jtagCycle(); // Run-Test/Idle
        wire.setTdi(true);
        if ((request & TransferAck.TIMESTAMP) != 0 && timer.present()) {
            wire.flush();
            state.timestamp = timer.now();
        }
        for (int n = state.idleCycles; n > 0; n--) {
            wire.jtagCycle();
        }
        wire.flush();
        return ack;
    }

    /** JTAG_ReadIDCode: a 32-bit DR scan of the selected TAP (IR must hold IDCODE). */
    int readIdCode() {
        enterShiftDr();
        int value = 0;
        for (int i = 0; i < 31; i++) {
            value |= (wire.jtagCycle() ? 1 : 0) << i;
        }
        wire.setTms(true);
        value |= (wire.jtagCycle() ? 1 : 0) << 31; // Exit1-DR
        wire.jtagCycle(); // Update-DR
        wire.setTms(false);
        wire.jtagCycle(); // Run-Test/Idle
        wire.flush();
        return value;
    }

    /** JTAG_WriteAbort: a 35-bit write scan with RnW=0, A=0 (IR must hold ABORT). */
    void writeAbort(int value) {
        enterShiftDr();
        wire.setTdi(false);
        wire.jtagCycle(); // RnW = 0
        wire.jtagCycle(); // A2 = 0
        wire.jtagCycle(); // A3 = 0
        shiftData(value, false);
        wire.jtagCycle(); // Update-DR
        wire.setTms(false);
        wire.jtagCycle(); // Run-Test/Idle
        wire.setTdi(true);
        wire.flush();
    }

    private void enterShiftDr() {
        wire.setTms(true);
        wire.jtagCycle(); // Select-DR-Scan
        wire.setTms(false);
        wire.jtagCycle(); // Capture-DR
        wire.jtagCycle(); // Shift-DR
        for (int n = state.jtagIndex; n > 0; n--) {
            wire.jtagCycle(); // bypass bits of the TAPs nearer TDO
        }
    }

    /** Shifts the 32 data bits and the bypass bits after them, leaving the TAP in Exit1-DR. */
    private int shiftData(int value, boolean read) {
        int captured = 0;
        for (int i = 0; i < 31; i++) {
            boolean tdo = read ? wire.jtagCycle() : wire.jtagCycle(((value >>> i) & 1) != 0);
            captured |= (tdo ? 1 : 0) << i;
        }
        boolean last = ((value >>> 31) & 1) != 0;
        int after = state.drBitsAfter();
        boolean bit31;
        if (after > 0) {
            bit31 = read ? wire.jtagCycle() : wire.jtagCycle(last);
            for (int n = after - 1; n > 0; n--) {
                wire.jtagCycle();
            }
            wire.setTms(true);
            wire.jtagCycle(); // bypass, Exit1-DR
        } else {
            wire.setTms(true);
            bit31 = read ? wire.jtagCycle() : wire.jtagCycle(last); // Exit1-DR
        }
        return captured | (bit31 ? 1 : 0) << 31;
    }
}
