package io.probehost.sim.mcu.nrf51;

import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.mcu.bus.WordRegisters;
import io.probehost.sim.mcu.cpu.ClockedDevice;
import java.util.function.IntConsumer;

/**
 * An nRF51 TIMER in timer mode: counts 16 MHz / 2^PRESCALER, COMPARE events with CLEAR/STOP
 * shortcuts, CAPTURE tasks and the interrupt to the NVIC, pended when an enabled event gets set.
 * Counter mode counts TASKS_COUNT triggers. It runs on virtual time, so it keeps counting while
 * the core is halted and a debugger advances the clock.
 */
final class Timer extends WordRegisters implements ClockedDevice {
    private static final int CHANNELS = 4;
    private static final int[] BIT_WIDTH = {16, 8, 24, 32};

    private final int irq;
    private final IntConsumer raiseIrq;
    private final VirtualClock clock;
    private long syncedNanos;
    private boolean running;
    private long counter;
    private long residue;
    private final boolean[] compareEvent = new boolean[CHANNELS];
    private final int[] cc = new int[CHANNELS];
    private int shorts;
    private int inten;
    private int mode;
    private int bitmode;
    private int prescaler;

    Timer(int irq, IntConsumer raiseIrq, VirtualClock clock) {
        this.irq = irq;
        this.raiseIrq = raiseIrq;
        this.clock = clock;
        this.syncedNanos = clock.nowNanos();
        reset();
    }

    private static long cyclesAt(long nanos) {
        return nanos * 16 / 1000;
    }

    /** Brings the counter up to the virtual time. */
    private void sync() {
        long now = clock.nowNanos();
        long cycles = cyclesAt(now) - cyclesAt(syncedNanos);
        syncedNanos = now;
        if (!running || mode != 0 || cycles <= 0) {
            return;
        }
        residue += cycles;
        long ticks = residue >> prescaler;
        residue -= ticks << prescaler;
        if (ticks > 0) {
            tick(ticks);
        }
    }

    void reset() {
        running = false;
        counter = 0;
        residue = 0;
        java.util.Arrays.fill(compareEvent, false);
        java.util.Arrays.fill(cc, 0);
        shorts = 0;
        inten = 0;
        mode = 0;
        bitmode = 0;
        prescaler = 4;
    }

    private long wrap() {
        return 1L << BIT_WIDTH[bitmode & 3];
    }

    @Override
    protected int readWord(int offset) {
        sync();
        if (offset >= 0x140 && offset < 0x150) {
            return compareEvent[(offset - 0x140) / 4] ? 1 : 0;
        }
        if (offset >= 0x540 && offset < 0x550) {
            return cc[(offset - 0x540) / 4];
        }
        switch (offset) {
            case 0x200: return shorts;
            case 0x304: case 0x308: return inten;
            case 0x504: return mode;
            case 0x508: return bitmode;
            case 0x510: return prescaler;
            default: return 0;
        }
    }

    @Override
    protected void writeWord(int offset, int value) {
        sync();
        if (offset >= 0x040 && offset < 0x050) {
            if (value != 0) {
                cc[(offset - 0x040) / 4] = (int) counter;
            }
            return;
        }
        if (offset >= 0x140 && offset < 0x150) {
            compareEvent[(offset - 0x140) / 4] = value != 0;
            if (value != 0) {
                updateInterrupt();
            }
            return;
        }
        if (offset >= 0x540 && offset < 0x550) {
            cc[(offset - 0x540) / 4] = value;
            return;
        }
        switch (offset) {
            case 0x000: running |= value != 0; break;
            case 0x004: case 0x010: running &= value == 0; break;
            case 0x008:
                if (value != 0 && mode == 1) {
                    tick(1);
                }
                break;
            case 0x00C:
                if (value != 0) {
                    counter = 0;
                }
                break;
            case 0x200: shorts = value & 0x0F0F; break;
            case 0x304: inten |= value & 0xF_0000; updateInterrupt(); break;
            case 0x308: inten &= ~value; break;
            case 0x504: mode = value & 1; break;
            case 0x508: bitmode = value & 3; break;
            case 0x510: prescaler = Math.min(value & 0xF, 9); break;
            default: break;
        }
    }

    private void updateInterrupt() {
        for (int n = 0; n < CHANNELS; n++) {
            if (compareEvent[n] && (inten & (1 << (16 + n))) != 0) {
                raiseIrq.accept(irq);
                return;
            }
        }
    }

    @Override
    public void advance(long cycles) {
        sync();
    }

    /** Advances the counter by {@code ticks}, raising each COMPARE it passes. */
    private void tick(long ticks) {
        long remaining = ticks;
        while (remaining > 0 && running) {
            long step = Math.min(remaining, ticksToNextCompare());
            counter = (counter + step) % wrap();
            remaining -= step;
            compareHits();
        }
    }

    private long ticksToNextCompare() {
        long best = wrap();
        for (int n = 0; n < CHANNELS; n++) {
            long target = (cc[n] & 0xFFFF_FFFFL) % wrap();
            long distance = Math.floorMod(target - counter, wrap());
            best = Math.min(best, distance == 0 ? wrap() : distance);
        }
        return best;
    }

    private void compareHits() {
        boolean newEvent = false;
        for (int n = 0; n < CHANNELS; n++) {
            if (counter == (cc[n] & 0xFFFF_FFFFL) % wrap()) {
                newEvent |= !compareEvent[n];
                compareEvent[n] = true;
                if ((shorts & (1 << n)) != 0) {
                    counter = 0;
                }
                if ((shorts & (1 << (8 + n))) != 0) {
                    running = false;
                }
            }
        }
        if (newEvent) {
            updateInterrupt();
        }
    }

    @Override
    public long cyclesUntilInterrupt() {
        sync();
        if (!running || mode != 0 || (inten & 0xF_0000) == 0) {
            return -1;
        }
        long best = -1;
        for (int n = 0; n < CHANNELS; n++) {
            if ((inten & (1 << (16 + n))) == 0) {
                continue;
            }
            long distance = Math.floorMod(((cc[n] & 0xFFFF_FFFFL) % wrap()) - counter, wrap());
            long cycles = ((distance == 0 ? wrap() : distance) << prescaler) - residue;
            best = best < 0 ? cycles : Math.min(best, cycles);
        }
        return Math.max(best, 1);
    }
}
