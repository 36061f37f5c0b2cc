package io.probehost.arch.arm.internal;

import java.util.function.IntPredicate;

import io.probehost.api.probe.SwdSequencer;
import io.probehost.sim.adi.SwjPins;

/**
 * A bit sequencer wired straight to a lab target's SWD pins, one {@link SwjPins#swdClock} per
 * cycle; it counts its calls and can flip chosen captured bits to fake line noise.
 */
final class PinSequencer implements SwdSequencer {
    private final SwjPins pins;
    private int calls;
    private IntPredicate flipCapturedBit = bit -> false;
    private int actionCycle = -1;
    private Runnable action;

    PinSequencer(SwjPins pins) {
        this.pins = pins;
    }

    @Override
    public byte[] sequence(int bitCount, byte[] drive, byte[] out) {
        calls++;
        byte[] captured = new byte[(bitCount + 7) / 8];
        for (int i = 0; i < bitCount; i++) {
            if (i == actionCycle) {
                actionCycle = -1;
                action.run();
            }
            boolean driven = (drive[i >>> 3] >>> (i & 7) & 1) != 0;
            boolean bit = (out[i >>> 3] >>> (i & 7) & 1) != 0;
            boolean line = pins.swdClock(driven, bit);
            if (!driven && flipCapturedBit.test(i)) {
                line = !line;
            }
            if (line) {
                captured[i >>> 3] |= (byte) (1 << (i & 7));
            }
        }
        return captured;
    }

    /** Runs {@code runnable} once, before cycle {@code cycle} of the next call long enough to reach it. */
    void atCycle(int cycle, Runnable runnable) {
        actionCycle = cycle;
        action = runnable;
    }

    int calls() {
        return calls;
    }

    /** Flips the released-cycle bits {@code flip} selects in every later call. */
    void flipCapturedBits(IntPredicate flip) {
        flipCapturedBit = flip;
    }
}
