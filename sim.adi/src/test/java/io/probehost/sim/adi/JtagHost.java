package io.probehost.sim.adi;

/** A JTAG host for tests: TAP navigation and IR/DR scans on one TAP, LSB first. */
final class JtagHost {
    final SwjPins pins;

    JtagHost(SwjPins pins) {
        this.pins = pins;
    }

    /** Five TMS ones (Test-Logic-Reset), then one zero (Run-Test/Idle). */
    void resetToIdle() {
        for (int i = 0; i < 5; i++) {
            pins.jtagClock(true, true);
        }
        pins.jtagClock(false, true);
    }

    /** From Run-Test/Idle through Shift-IR and back; returns the captured IR bits. */
    int irScan(int instruction) {
        return irScan(instruction, JtagDp.IR_LENGTH);
    }

    /** An IR scan of {@code length} bits, the whole chain's IR (TAP nearest TDO in the low bits). */
    int irScan(int instruction, int length) {
        pins.jtagClock(true, false);
        pins.jtagClock(true, false);
        pins.jtagClock(false, false);
        pins.jtagClock(false, false);
        long captured = shift(instruction, length);
        pins.jtagClock(true, false);
        pins.jtagClock(false, false);
        return (int) captured;
    }

    /** From Run-Test/Idle through Shift-DR and back; returns the captured DR bits. */
    long drScan(long value, int length) {
        pins.jtagClock(true, false);
        pins.jtagClock(false, false);
        pins.jtagClock(false, false);
        long captured = shift(value, length);
        pins.jtagClock(true, false);
        pins.jtagClock(false, false);
        return captured;
    }

    private long shift(long value, int length) {
        long captured = 0;
        for (int i = 0; i < length; i++) {
            boolean tdo = pins.jtagClock(i == length - 1, ((value >>> i) & 1) != 0);
            captured |= (tdo ? 1L : 0L) << i;
        }
        return captured;
    }

    /** One DPACC/APACC scan: returns {ReadResult, ACK} of the previous transaction. */
    long access(boolean read, int address, int data) {
        long in = ((data & 0xFFFF_FFFFL) << 3) | ((address >> 2) & 0b11) << 1 | (read ? 1 : 0);
        return drScan(in, 35);
    }

    static int ack(long captured) {
        return (int) (captured & 0b111);
    }

    static int data(long captured) {
        return (int) (captured >>> 3);
    }
}
