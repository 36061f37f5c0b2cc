package io.probehost.api.jtag;

import java.util.List;

import io.probehost.api.probe.JtagSequencer;

/**
 * TAPs in a chain, TAP 0 nearest TDO, each with a full IEEE 1149.1 state machine: IR capture 0b01,
 * IDCODE (instruction 1) loaded at Test-Logic-Reset when the TAP has one, BYPASS (all ones), and a
 * 16-bit data register (instruction 2) that captures {@link #DATA_CAPTURE} and keeps what is updated into it.
 */
final class FakeTapChain implements JtagSequencer {
    static final int IDCODE = 1;
    static final int DATA = 2;
    static final long DATA_CAPTURE = 0xC0DE;

    static final class Tap {
        final int irLength;
        final int idcode;
        int instruction;
        long shift;
        int shiftLength;
        long updated = -1;

        Tap(int irLength, int idcode) {
            this.irLength = irLength;
            this.idcode = idcode;
            reset();
        }

        void reset() {
            instruction = idcode == 0 ? (1 << irLength) - 1 : IDCODE;
        }
    }

    private enum State { RESET, IDLE, SELECT_DR, CAPTURE_DR, SHIFT_DR, EXIT1_DR, UPDATE_DR,
        SELECT_IR, CAPTURE_IR, SHIFT_IR, EXIT1_IR, UPDATE_IR }

    final List<Tap> taps;
    private State state = State.RESET;
    int cycles;

    FakeTapChain(Tap... taps) {
        this.taps = List.of(taps);
    }

    State state() {
        return state;
    }

    boolean inIdle() {
        return state == State.IDLE;
    }

    @Override
    public byte[] shift(int bitCount, byte[] tms, byte[] tdi) {
        byte[] tdo = new byte[(bitCount + 7) / 8];
        for (int i = 0; i < bitCount; i++) {
            if (clock(JtagBits.bit(tms, i), JtagBits.bit(tdi, i))) {
                tdo[i / 8] |= (byte) (1 << (i % 8));
            }
        }
        return tdo;
    }

    private boolean clock(boolean tms, boolean tdi) {
        cycles++;
        boolean out = false;
        if (state == State.SHIFT_DR || state == State.SHIFT_IR) {
            boolean carry = tdi;
            for (int t = taps.size() - 1; t >= 0; t--) {
                Tap tap = taps.get(t);
                boolean lsb = (tap.shift & 1) != 0;
                tap.shift = (tap.shift >>> 1) | ((carry ? 1L : 0L) << (tap.shiftLength - 1));
                carry = lsb;
            }
            out = carry;
        }
        state = next(tms);
        for (Tap tap : taps) {
            switch (state) {
                case RESET -> tap.reset();
                case CAPTURE_IR -> { tap.shift = 0b01; tap.shiftLength = tap.irLength; }
                case CAPTURE_DR -> capture(tap);
                case UPDATE_IR -> tap.instruction = (int) tap.shift;
                case UPDATE_DR -> { if (tap.instruction == DATA) { tap.updated = tap.shift; } }
                default -> { }
            }
        }
        return out;
    }

    private static void capture(Tap tap) {
        if (tap.instruction == IDCODE && tap.idcode != 0) {
            tap.shift = tap.idcode & 0xFFFF_FFFFL;
            tap.shiftLength = 32;
        } else if (tap.instruction == DATA) {
            tap.shift = DATA_CAPTURE;
            tap.shiftLength = 16;
        } else {
            tap.shift = 0;
            tap.shiftLength = 1;
        }
    }

    private State next(boolean tms) {
        return switch (state) {
            case RESET -> tms ? State.RESET : State.IDLE;
            case IDLE, UPDATE_DR, UPDATE_IR -> tms ? State.SELECT_DR : State.IDLE;
            case SELECT_DR -> tms ? State.SELECT_IR : State.CAPTURE_DR;
            case CAPTURE_DR, SHIFT_DR -> tms ? State.EXIT1_DR : State.SHIFT_DR;
            case EXIT1_DR -> tms ? State.UPDATE_DR : State.IDLE; // no Pause-DR needed here
            case SELECT_IR -> tms ? State.RESET : State.CAPTURE_IR;
            case CAPTURE_IR, SHIFT_IR -> tms ? State.EXIT1_IR : State.SHIFT_IR;
            case EXIT1_IR -> tms ? State.UPDATE_IR : State.IDLE;
        };
    }
}
