package io.probehost.arch.riscv.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The hart's trigger module (riscv-debug.md §4, §5.9): the {@code mcontrol} (type 2) triggers, found by
 * writing {@code tselect} until it does not read back, each cleared when a previous debugger left it
 * set for Debug Mode ({@code dmode}); a trigger is taken by writing {@code tdata1} 0, {@code tdata2},
 * then {@code tdata1}, and reading both back: a trigger that does not keep the configuration is left
 * free and the next one is tried. Every access needs a halted hart ({@link Hart#whileHalted}).
 */
final class Triggers {
    static final long TYPE_MCONTROL = 2L << 28;
    static final long DMODE = 1L << 27;
    static final long ACTION_DEBUG_MODE = 1L << 12;
    static final int MATCH_SHIFT = 7;
    static final long MATCH_NAPOT = 1L << MATCH_SHIFT;
    static final long M = 1 << 6;
    static final long S = 1 << 4;
    static final long U = 1 << 3;
    static final long EXECUTE = 1 << 2;
    static final long STORE = 1 << 1;
    static final long LOAD = 1;
    static final long HIT = 1L << 20;
    private static final long COMPARED = 0xFFFF_FFFFL & ~HIT & ~(0x3FL << 21);
    private static final int MAX_TRIGGERS = 32;
    private static final long MISA_S = 1 << ('S' - 'A');
    private static final long MISA_U = 1 << ('U' - 'A');

    private final Hart hart;
    private List<Integer> usable;
    private final List<Integer> taken = new ArrayList<>();

    Triggers(Hart hart) {
        this.hart = hart;
    }

    /** How many {@code mcontrol} triggers the hart has. */
    int count() {
        return usable().size();
    }

    int free() {
        return count() - taken.size();
    }

    /**
     * The {@code tdata1} of a trigger that enters Debug Mode on {@code kinds} (EXECUTE, LOAD, STORE) in
     * every mode the hart has, matching {@code match} (0 equal, 1 NAPOT).
     */
    long control(long kinds, long match) {
        long misa = hart.misa();
        return TYPE_MCONTROL | DMODE | ACTION_DEBUG_MODE | match << MATCH_SHIFT | M
                | ((misa & MISA_S) != 0 ? S : 0) | ((misa & MISA_U) != 0 ? U : 0) | kinds;
    }

    /** Takes a free trigger for this configuration; returns its index, or -1 when none keeps it. */
    int take(long tdata1, long tdata2) {
        return hart.whileHalted(() -> {
            for (int index : usable()) {
                if (taken.contains(index)) {
                    continue;
                }
                DebugModule dm = hart.debugModule();
                dm.writeRegisters(new int[] {RiscvRegisters.TSELECT, RiscvRegisters.TDATA1, RiscvRegisters.TDATA2,
                    RiscvRegisters.TDATA1}, new long[] {index, 0, tdata2, tdata1});
                long[] back = dm.readRegisters(new int[] {RiscvRegisters.TDATA1, RiscvRegisters.TDATA2});
                if ((back[0] & COMPARED) == (tdata1 & COMPARED) && back[1] == (tdata2 & 0xFFFF_FFFFL)) {
                    taken.add(index);
                    return index;
                }
                dm.writeRegister(RiscvRegisters.TDATA1, 0);
            }
            return -1;
        });
    }

    void release(int index) {
        hart.whileHalted(() -> hart.debugModule().writeRegisters(
                new int[] {RiscvRegisters.TSELECT, RiscvRegisters.TDATA1}, new long[] {index, 0}));
        taken.remove(Integer.valueOf(index));
    }

    private List<Integer> usable() {
        if (usable == null) {
            usable = hart.whileHalted(this::enumerate);
        }
        return usable;
    }

    private List<Integer> enumerate() {
        DebugModule dm = hart.debugModule();
        List<Integer> found = new ArrayList<>();
        long saved;
        try {
            saved = dm.readRegister(RiscvRegisters.TSELECT);
        } catch (AbstractCommandException noTriggerModule) {
            return List.of();
        }
        try {
            for (int index = 0; index < MAX_TRIGGERS; index++) {
                dm.writeRegister(RiscvRegisters.TSELECT, index);
                long[] values = dm.readRegisters(new int[] {RiscvRegisters.TSELECT, RiscvRegisters.TDATA1});
                if (values[0] != index || values[1] >>> 28 == 0) {
                    break;
                }
                if ((values[1] & DMODE) != 0) {
                    dm.writeRegister(RiscvRegisters.TDATA1, 0);
                }
                if (values[1] >>> 28 == TYPE_MCONTROL >>> 28) {
                    found.add(index);
                }
            }
        } catch (AbstractCommandException beyondTheLast) {
            // a tselect or tdata1 the hart refuses ends the list
        } finally {
            dm.writeRegister(RiscvRegisters.TSELECT, saved);
        }
        return List.copyOf(found);
    }
}
