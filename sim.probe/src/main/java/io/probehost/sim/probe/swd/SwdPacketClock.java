package io.probehost.sim.probe.swd;

import io.probehost.sim.adi.SwjPins;

/**
 * SWD packets clocked cycle by cycle on a target's {@link SwjPins}, as probe firmware does it: one
 * turnaround cycle, no data phase after WAIT/FAULT (overrun detection off), a whole data phase of
 * back-off after a protocol error, two idle cycles after each transaction. Every cycle is reported to
 * the caller's counter, so its link model can charge the time. Not thread-safe.
 */
public final class SwdPacketClock {
    /** ADIv5 ACK values, as they arrive on the wire (LSB first). */
    public static final int ACK_OK = 1;
    public static final int ACK_WAIT = 2;
    public static final int ACK_FAULT = 4;
    /** Not an ACK: the read data's parity was wrong. */
    public static final int PARITY_ERROR = 8;
    private static final int IDLE_CYCLES = 2;

    private final SwjPins pins;
    private final Runnable cycle;
    private int value;

    /** @param cycle called once per SWCLK cycle */
    public SwdPacketClock(SwjPins pins, Runnable cycle) {
        this.pins = pins;
        this.cycle = cycle;
    }

    public SwjPins pins() {
        return pins;
    }

    /** The data of the last read that ended in OK with good parity. */
    public int value() {
        return value;
    }

    /** Line reset, the 0xE79E JTAG-to-SWD sequence, line reset and two idle cycles. */
    public void jtagToSwd() {
        ones(51);
        for (int i = 0; i < 16; i++) {
            write(((0xE79E >>> i) & 1) != 0);
        }
        ones(51);
        write(false);
        write(false);
    }

    /**
     * One transaction, no retry. Returns the ACK ({@link #ACK_OK}, {@link #ACK_WAIT}, {@link #ACK_FAULT},
     * anything else for no answer) or {@link #PARITY_ERROR}; a good read leaves its data in {@link #value()}.
     */
    public int transfer(boolean ap, boolean read, int address, int data) {
        boolean a2 = (address & 0x4) != 0;
        boolean a3 = (address & 0x8) != 0;
        write(true);
        write(ap);
        write(read);
        write(a2);
        write(a3);
        write(ap ^ read ^ a2 ^ a3);
        write(false);
        write(true);
        sample(); // turnaround
        int ack = 0;
        for (int i = 0; i < 3; i++) {
            ack |= (sample() ? 1 : 0) << i;
        }
        if (ack != ACK_OK) {
            if (ack != ACK_WAIT && ack != ACK_FAULT) {
                for (int i = 0; i < 33; i++) {
                    sample(); // protocol error: back off over a whole data phase
                }
            }
            sample();
            return ack;
        }
        if (read) {
            int word = 0;
            int parity = 0;
            for (int i = 0; i < 32; i++) {
                int bit = sample() ? 1 : 0;
                parity ^= bit;
                word |= bit << i;
            }
            boolean parityOk = (sample() ? 1 : 0) == parity;
            sample(); // turnaround
            idle();
            if (!parityOk) {
                return PARITY_ERROR;
            }
            value = word;
        } else {
            sample(); // turnaround
            for (int i = 0; i < 32; i++) {
                write(((data >>> i) & 1) != 0);
            }
            write(Integer.bitCount(data) % 2 != 0);
            idle();
        }
        return ACK_OK;
    }

    private void idle() {
        for (int i = 0; i < IDLE_CYCLES; i++) {
            write(false);
        }
    }

    private void ones(int n) {
        for (int i = 0; i < n; i++) {
            write(true);
        }
    }

    private void write(boolean bit) {
        cycle.run();
        pins.swdClock(true, bit);
    }

    private boolean sample() {
        cycle.run();
        return pins.swdClock(false, false);
    }
}
