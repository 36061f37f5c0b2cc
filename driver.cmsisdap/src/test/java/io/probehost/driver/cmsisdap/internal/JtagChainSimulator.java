package io.probehost.driver.cmsisdap.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A JTAG scan chain behind DAP_JTAG_Sequence: the 16-state TAP controller, Capture-IR loading each
 * TAP's capture pattern, Capture-DR loading its IDCODE (or one BYPASS zero), TDO high outside the
 * shift states. TAP 0 is nearest TDO.
 */
final class JtagChainSimulator implements Function<byte[], byte[]> {

    /** A TAP: IR length, the value it captures in Capture-IR, and its IDCODE (0 for none). */
    record Tap(int irLength, int irCapture, int idcode) {
    }

    private enum State {
        RESET, IDLE, SELECT_DR, CAPTURE_DR, SHIFT_DR, EXIT1_DR, PAUSE_DR, EXIT2_DR, UPDATE_DR,
        SELECT_IR, CAPTURE_IR, SHIFT_IR, EXIT1_IR, PAUSE_IR, EXIT2_IR, UPDATE_IR
    }

    private final List<Tap> taps;
    private final boolean[] idcodeSelected;
    private State state = State.SHIFT_DR;
    private List<Boolean> register = new ArrayList<>(List.of(false));

    JtagChainSimulator(Tap... taps) {
        this.taps = List.of(taps);
        this.idcodeSelected = new boolean[taps.length];
    }

    static Tap armJtagDp() {
        return new Tap(4, 0b0001, 0x4BA00477);
    }

    static Tap stm32BoundaryScan() {
        return new Tap(5, 0b00001, 0x06413041);
    }

    @Override
    public byte[] apply(byte[] request) {
        int count = request[1] & 0xFF;
        int position = 2;
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        reply.write(0x14);
        reply.write(0x00);
        for (int s = 0; s < count; s++) {
            int info = request[position++] & 0xFF;
            int bits = (info & 0x3F) == 0 ? 64 : info & 0x3F;
            boolean tms = (info & 0x40) != 0;
            boolean capture = (info & 0x80) != 0;
            byte[] tdo = new byte[(bits + 7) / 8];
            for (int bit = 0; bit < bits; bit++) {
                boolean tdi = (request[position + bit / 8] & (1 << (bit % 8))) != 0;
                if (clock(tms, tdi)) {
                    tdo[bit / 8] |= (byte) (1 << (bit % 8));
                }
            }
            position += tdo.length;
            if (capture) {
                reply.writeBytes(tdo);
            }
        }
        return reply.toByteArray();
    }

    private boolean clock(boolean tms, boolean tdi) {
        boolean tdo = true;
        if (state == State.SHIFT_DR || state == State.SHIFT_IR) {
            tdo = register.remove(0);
            register.add(tdi);
        }
        state = next(state, tms);
        switch (state) {
            case RESET -> {
                for (int i = 0; i < taps.size(); i++) {
                    idcodeSelected[i] = taps.get(i).idcode() != 0;
                }
            }
            case CAPTURE_IR -> {
                register = new ArrayList<>();
                for (Tap tap : taps) {
                    addBits(tap.irCapture(), tap.irLength());
                }
            }
            case CAPTURE_DR -> {
                register = new ArrayList<>();
                for (int i = 0; i < taps.size(); i++) {
                    if (idcodeSelected[i]) {
                        addBits(taps.get(i).idcode(), 32);
                    } else {
                        register.add(false);
                    }
                }
            }
            case UPDATE_IR -> java.util.Arrays.fill(idcodeSelected, false);
            default -> {
            }
        }
        return tdo;
    }

    private void addBits(int value, int count) {
        for (int i = 0; i < count; i++) {
            register.add(((value >>> i) & 1) != 0);
        }
    }

    private static State next(State state, boolean tms) {
        return switch (state) {
            case RESET -> tms ? State.RESET : State.IDLE;
            case IDLE, UPDATE_DR, UPDATE_IR -> tms ? State.SELECT_DR : State.IDLE;
            case SELECT_DR -> tms ? State.SELECT_IR : State.CAPTURE_DR;
            case CAPTURE_DR, SHIFT_DR, EXIT2_DR -> tms ? State.EXIT1_DR : State.SHIFT_DR;
            case EXIT1_DR -> tms ? State.UPDATE_DR : State.PAUSE_DR;
            case PAUSE_DR -> tms ? State.EXIT2_DR : State.PAUSE_DR;
            case SELECT_IR -> tms ? State.RESET : State.CAPTURE_IR;
            case CAPTURE_IR, SHIFT_IR, EXIT2_IR -> tms ? State.EXIT1_IR : State.SHIFT_IR;
            case EXIT1_IR -> tms ? State.UPDATE_IR : State.PAUSE_IR;
            case PAUSE_IR -> tms ? State.EXIT2_IR : State.PAUSE_IR;
        };
    }
}
