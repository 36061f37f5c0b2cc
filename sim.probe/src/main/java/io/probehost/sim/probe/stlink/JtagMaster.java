package io.probehost.sim.probe.stlink;

import io.probehost.sim.adi.SwjPins;

/**
 * JTAG-DP transactions on the chain of an STM32 (IR 4 bits: ABORT 0x8, DPACC 0xA, APACC 0xB, IDCODE
 * 0xE): the JTAG-DP nearest TDO, any other TAP (the STM32's boundary-scan TAP) held in BYPASS nearer
 * TDI, the chain's length measured once after the switch to JTAG. 35-bit DR scans {data, A[3:2], RnW} in, {previous read result, ACK} out, from and back to
 * Run-Test/Idle. A DP read is followed by an RDBUFF scan that carries its result, so DP reads return
 * their value as over SWD; AP reads are posted as over SWD. JTAG has no FAULT answer: a bus fault
 * only shows as STICKYERR in CTRL/STAT.
 */
final class JtagMaster extends DapMaster {
    private static final int IR_ABORT = 0x8;
    private static final int IR_DPACC = 0xA;
    private static final int IR_APACC = 0xB;
    private static final int IR_IDCODE = 0xE;
    private static final int IR_LENGTH = 4;
    private static final int ACK_OK_FAULT = 0b010;
    private static final int ACK_WAIT = 0b001;

    private static final int MAX_CHAIN_BITS = 64;

    private int instruction = -1;
    /** IR bits of the TAPs between TDI and the JTAG-DP (all ones: BYPASS). */
    private int irPadding;
    /** TAPs between TDI and the JTAG-DP, one BYPASS bit each in every DR scan. */
    private int bypassTaps;

    JtagMaster(SwjPins pins, StlinkLink link, long clockHz) {
        super(pins, link, true, clockHz);
    }

    /** Line of ones, the 0xE73C SWD-to-JTAG sequence, five TMS-high cycles (Test-Logic-Reset), then Run-Test/Idle. */
    @Override
    void switchProtocol() {
        for (int i = 0; i < 51; i++) {
            clock(true, true);
        }
        int sequence = 0xE73C;
        for (int i = 0; i < 16; i++) {
            clock(((sequence >>> i) & 1) != 0, true);
        }
        measureChain();
        for (int i = 0; i < 5; i++) {
            clock(true, true);
        }
        clock(false, true);
        instruction = IR_IDCODE;
    }

    /**
     * From Test-Logic-Reset: the total IR length (ones in every IR, then zeros until one comes out) and
     * the TAP count (every TAP in BYPASS, zeros through, then ones until one comes out); ends in Exit1-DR.
     */
    private void measureChain() {
        clock(false, true);
        clock(true, true);
        clock(true, true);
        clock(false, true);
        clock(false, true); // Shift-IR
        int irBits = countThrough(false);
        shiftOnes(true); // every IR all ones: BYPASS; Exit1-IR
        clock(true, true);
        clock(true, true);
        clock(false, true);
        clock(false, true); // Shift-DR
        int taps = countThrough(true);
        shiftOnes(true);
        irPadding = Math.max(0, irBits - IR_LENGTH);
        bypassTaps = Math.max(0, taps - 1);
    }

    /** Fills the chain with the opposite of {@code marker}, then counts the clocks until a marker bit comes out. */
    private int countThrough(boolean marker) {
        for (int i = 0; i < MAX_CHAIN_BITS; i++) {
            clock(false, !marker);
        }
        for (int i = 0; i < MAX_CHAIN_BITS; i++) {
            if (clock(false, marker) == marker) {
                return i;
            }
        }
        return IR_LENGTH;
    }

    private void shiftOnes(boolean exitOnLast) {
        for (int i = 0; i < MAX_CHAIN_BITS; i++) {
            clock(exitOnLast && i == MAX_CHAIN_BITS - 1, true);
        }
    }

    @Override
    int clearStickyErrors() {
        return writeDp(DP_CTRL_STAT, 0x5000_0032);
    }

    @Override
    int idcode() {
        instruction(IR_IDCODE);
        long captured = scanDr(0, 32);
        value = (int) captured;
        return value == 0 || value == -1 ? StlinkStatus.GET_IDCODE_ERROR : StlinkStatus.OK;
    }

    @Override
    int transfer(boolean ap, boolean read, int address, int data) {
        if (!ap && !read && address == DP_ABORT) {
            instruction(IR_ABORT);
            scanDr((long) data << 3, 35);
            return StlinkStatus.OK;
        }
        int status = scan(ap ? IR_APACC : IR_DPACC, read, address, data);
        if (status == StlinkStatus.OK && read && !ap && address != DP_RDBUFF) {
            status = scan(IR_DPACC, true, DP_RDBUFF, 0); // collects the DP read's result
        }
        return status;
    }

    private int scan(int ir, boolean read, int address, int data) {
        instruction(ir);
        long request = (long) data << 3 | ((address >>> 2) & 0x3) << 1 | (read ? 1 : 0);
        for (int attempt = 0; attempt < WAIT_RETRIES; attempt++) {
            long captured = scanDr(request, 35);
            int ack = (int) (captured & 0x7);
            if (ack == ACK_OK_FAULT) {
                value = (int) (captured >>> 3);
                return StlinkStatus.OK;
            }
            if (ack != ACK_WAIT) {
                return failure(ir == IR_APACC, StlinkStatus.SWD_AP_ERROR);
            }
        }
        return failure(ir == IR_APACC, StlinkStatus.SWD_AP_WAIT);
    }

    /** Run-Test/Idle, Select-DR, Select-IR, Capture-IR, Shift-IR, the IR bits, Update-IR, Run-Test/Idle. */
    private void instruction(int ir) {
        if (ir == instruction) {
            return;
        }
        clock(true, true);
        clock(true, true);
        clock(false, true);
        clock(false, true);
        int length = IR_LENGTH + irPadding;
        for (int i = 0; i < length; i++) {
            clock(i == length - 1, i >= IR_LENGTH || ((ir >>> i) & 1) != 0);
        }
        clock(true, true);
        clock(false, true);
        instruction = ir;
    }

    /**
     * A DR scan of {@code length} bits of the JTAG-DP (then one bit per TAP in BYPASS) from Run-Test/Idle
     * back to it; returns the JTAG-DP's bits shifted out.
     */
    private long scanDr(long bits, int length) {
        clock(true, true);
        clock(false, true);
        clock(false, true);
        long captured = 0;
        int total = length + bypassTaps;
        for (int i = 0; i < total; i++) {
            boolean tdo = clock(i == total - 1, i >= length || ((bits >>> i) & 1) != 0);
            if (i < length) {
                captured |= (tdo ? 1L : 0L) << i;
            }
        }
        clock(true, true);
        clock(false, true);
        return captured;
    }

    private boolean clock(boolean tms, boolean tdi) {
        cycle();
        return pins().jtagClock(tms, tdi);
    }
}
