package io.probehost.sim.mcu.cpu;

/**
 * The SysTick timer, counting processor clock cycles. The nRF51 has no reference clock, so CALIB
 * reports NOREF and CLKSOURCE reads as one.
 */
public final class SysTick {
    public static final int CALIB = 0xC000_0000;
    private static final int ENABLE = 1;
    private static final int TICKINT = 2;
    private static final int CLKSOURCE = 4;
    private static final int COUNTFLAG = 1 << 16;

    private int control;
    private int reload;
    private int current;
    private boolean countFlag;

    void reset() {
        control = 0;
        reload = 0;
        current = 0;
        countFlag = false;
    }

    public int readCsr() {
        int value = control | CLKSOURCE | (countFlag ? COUNTFLAG : 0);
        countFlag = false;
        return value;
    }

    public void writeCsr(int value) {
        control = value & (ENABLE | TICKINT);
    }

    public int readRvr() {
        return reload;
    }

    public void writeRvr(int value) {
        reload = value & 0x00FF_FFFF;
    }

    public int readCvr() {
        return current;
    }

    public void writeCvr(int value) {
        current = 0;
        countFlag = false;
    }

    boolean running() {
        return (control & ENABLE) != 0;
    }

    /** Cycles until the next wrap that would raise the exception, or -1 if it never will. */
    long cyclesUntilInterrupt() {
        if (!running() || (control & TICKINT) == 0 || reload == 0) {
            return -1;
        }
        return current == 0 ? 1 : current;
    }

    /**
     * Fewer cycles than this, given to {@link #advance} in any split, only count the current value
     * down (it is the current value: at zero the next cycle reloads, so none).
     */
    long cyclesToZero() {
        return current;
    }

    /** Counts {@code cycles} down; returns true if the SysTick exception becomes pending. */
    boolean advance(long cycles) {
        if (!running()) {
            return false;
        }
        boolean fire = false;
        long remaining = cycles;
        while (remaining > 0) {
            if (current == 0) {
                if (reload == 0) {
                    break;
                }
                // the cycle after reaching zero reloads
                current = reload;
                remaining--;
                continue;
            }
            if (remaining < current) {
                current -= (int) remaining;
                break;
            }
            remaining -= current;
            current = 0;
            countFlag = true;
            fire |= (control & TICKINT) != 0;
            if (reload == 0) {
                break;
            }
        }
        return fire;
    }
}
