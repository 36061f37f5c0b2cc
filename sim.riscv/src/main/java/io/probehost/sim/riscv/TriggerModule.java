package io.probehost.sim.riscv;

/**
 * The Trigger Module (debug spec 0.13.2, chapter 5): {@code tselect}, {@code tdata1/2/3} and
 * {@code count} address-match triggers of type 2 ({@code mcontrol}). Each matches the address of an
 * instruction fetch ({@code execute}), a load or a store in M-mode ({@code m}), before the access
 * ({@code timing} 0), equal ({@code match} 0), at least (2) or below (3) {@code tdata2}; its
 * {@code action} is a breakpoint exception (0) or, only when {@code dmode} is set, entry into Debug
 * Mode (1). WARL: the type always reads 2 (a write of 0 just clears the trigger), data-value
 * matching ({@code select}), chaining, sizes, {@code s} and other match kinds read 0 ({@code u} is
 * kept but never matches: the hart stays in M-mode), and {@code dmode} can
 * only be written from Debug Mode. There is no {@code tinfo}: a debugger learns the type from
 * {@code tdata1} and the count by writing {@code tselect}. Triggers do not fire in Debug Mode.
 */
public final class TriggerModule {
    public static final int TSELECT = 0x7A0;
    public static final int TDATA1 = 0x7A1;
    public static final int TDATA2 = 0x7A2;
    public static final int TDATA3 = 0x7A3;
    public static final int TYPE_MCONTROL = 2 << 28;
    public static final int DMODE = 1 << 27;
    public static final int HIT = 1 << 20;
    public static final int ACTION_SHIFT = 12;
    public static final int MATCH_SHIFT = 7;
    public static final int M = 1 << 6;
    /** Stored, since the GD32VF103's misa reports U-mode, but never matching: the lab hart stays in M-mode. */
    public static final int U = 1 << 3;
    public static final int EXECUTE = 1 << 2;
    public static final int STORE = 1 << 1;
    public static final int LOAD = 1;
    private static final int ACTION_MASK = 0xF << ACTION_SHIFT;
    private static final int MATCH_MASK = 0xF << MATCH_SHIFT;
    private static final int ACTION_DEBUG_MODE = 1;
    private static final int MATCH_EQUAL = 0;
    private static final int MATCH_AT_LEAST = 2;
    private static final int MATCH_BELOW = 3;

    /** What a trigger does when it fires. */
    enum Action { NONE, BREAKPOINT_EXCEPTION, DEBUG_MODE }

    private final int[] tdata1;
    private final int[] tdata2;
    private int tselect;
    /** EXECUTE, STORE and LOAD bits of the triggers enabled in M-mode: a quick "nothing to match". */
    private int armedKinds;

    public TriggerModule(int count) {
        tdata1 = new int[count];
        tdata2 = new int[count];
    }

    public int count() {
        return tdata1.length;
    }

    void reset() {
        java.util.Arrays.fill(tdata1, 0);
        java.util.Arrays.fill(tdata2, 0);
        tselect = 0;
        armedKinds = 0;
    }

    int read(int csr) {
        return switch (csr) {
            case TSELECT -> tselect;
            case TDATA1 -> TYPE_MCONTROL | tdata1[tselect];
            case TDATA2 -> tdata2[tselect];
            default -> 0;
        };
    }

    /** A write from M-mode ({@code debugMode} false) cannot touch a trigger that belongs to Debug Mode. */
    void write(int csr, int value, boolean debugMode) {
        if (csr == TSELECT) {
            if (Integer.compareUnsigned(value, tdata1.length) < 0) {
                tselect = value;
            }
            return;
        }
        if (!debugMode && (tdata1[tselect] & DMODE) != 0) {
            return;
        }
        if (csr == TDATA1) {
            tdata1[tselect] = legalise(value, debugMode);
        } else if (csr == TDATA2) {
            tdata2[tselect] = value;
        }
        armedKinds = 0;
        for (int control : tdata1) {
            armedKinds |= (control & M) != 0 ? control & (EXECUTE | STORE | LOAD) : 0;
        }
    }

    private static int legalise(int value, boolean debugMode) {
        int dmode = debugMode ? value & DMODE : 0;
        int action = value >>> ACTION_SHIFT & 0xF;
        if (action > ACTION_DEBUG_MODE || action == ACTION_DEBUG_MODE && dmode == 0) {
            action = 0;
        }
        int match = value >>> MATCH_SHIFT & 0xF;
        if (match != MATCH_AT_LEAST && match != MATCH_BELOW) {
            match = MATCH_EQUAL;
        }
        return dmode | (value & HIT) | action << ACTION_SHIFT | match << MATCH_SHIFT
                | (value & (M | U | EXECUTE | STORE | LOAD));
    }

    /**
     * The action of the first trigger that fires for an access of {@code kind} (EXECUTE, LOAD or
     * STORE) at {@code address}; sets its {@code hit} bit.
     */
    Action match(int kind, int address) {
        if ((armedKinds & kind) == 0) {
            return Action.NONE;
        }
        for (int i = 0; i < tdata1.length; i++) {
            int control = tdata1[i];
            if ((control & kind) == 0 || (control & M) == 0 || !matches(control, tdata2[i], address)) {
                continue;
            }
            tdata1[i] |= HIT;
            return (control & ACTION_MASK) >>> ACTION_SHIFT == ACTION_DEBUG_MODE ? Action.DEBUG_MODE
                    : Action.BREAKPOINT_EXCEPTION;
        }
        return Action.NONE;
    }

    private static boolean matches(int control, int value, int address) {
        return switch ((control & MATCH_MASK) >>> MATCH_SHIFT) {
            case MATCH_AT_LEAST -> Integer.compareUnsigned(address, value) >= 0;
            case MATCH_BELOW -> Integer.compareUnsigned(address, value) < 0;
            default -> address == value;
        };
    }
}
