package io.probehost.arch.arm.internal;

/**
 * One SWD transaction as the host clocks it: the request (ADIv5 §1.1), the turnaround, the ACK and
 * the data phase. A read's data goes to {@code sink} (null: dropped, the stale first word of a
 * posted AP read run).
 */
record SwdTransfer(boolean ap, boolean read, int address, int value, PendingWord sink) {
    static final int TURNAROUND_CYCLES = 1;
    static final int ACK_CYCLES = 3;
    /** 32 data bits and the parity bit. */
    static final int DATA_CYCLES = 33;
    static final int ACK_OK = 0b001;
    static final int ACK_WAIT = 0b010;
    static final int ACK_FAULT = 0b100;

    static SwdTransfer read(boolean ap, int address, PendingWord sink) {
        return new SwdTransfer(ap, true, address & 0xC, 0, sink);
    }

    static SwdTransfer write(boolean ap, int address, int value) {
        return new SwdTransfer(ap, false, address & 0xC, value, null);
    }

    /** Start, APnDP, RnW, A[3:2], even parity, stop, park. */
    int request() {
        int fields = (ap ? 1 : 0) | (read ? 2 : 0) | (address >>> 2) << 2;
        return 1 | fields << 1 | (Integer.bitCount(fields) & 1) << 5 | 1 << 7;
    }

    /** The data phase a host drives: the value and its even parity bit. */
    long dataWithParity() {
        return (value & 0xFFFF_FFFFL) | (long) (Integer.bitCount(value) & 1) << 32;
    }

    /** The cycles from the end of the request to the end of the ACK. */
    static int ackPhaseCycles() {
        return TURNAROUND_CYCLES + ACK_CYCLES;
    }

    /** Appends the whole transaction, data phase included, followed by {@code idleCycles} low cycles. */
    void appendTo(SwdBitStream stream, int idleCycles) {
        stream.drive(8, request()).release(ackPhaseCycles());
        appendDataPhase(stream, idleCycles);
    }

    /** Appends what follows the ACK when it is OK (or always, with overrun detection). */
    void appendDataPhase(SwdBitStream stream, int idleCycles) {
        if (read) {
            stream.release(DATA_CYCLES + TURNAROUND_CYCLES);
        } else {
            stream.release(TURNAROUND_CYCLES).drive(DATA_CYCLES, dataWithParity());
        }
        stream.drive(idleCycles, 0);
    }

    /** Whether 33 captured bits carry correct even parity. */
    static boolean parityOk(long dataAndParity) {
        return (Long.bitCount(dataAndParity & 0x1_FFFF_FFFFL) & 1) == 0;
    }

    String describe() {
        return String.format("%s %s 0x%X", ap ? "AP" : "DP", read ? "read" : "write", address);
    }
}
