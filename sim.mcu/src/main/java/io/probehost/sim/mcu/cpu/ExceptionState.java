package io.probehost.sim.mcu.cpu;

/**
 * Pending and active state, enables and priorities of all exceptions of a Cortex-M0: the NVIC's
 * 32 external lines plus the system exceptions. Priorities use the top two bits of a byte as the M0.
 */
public final class ExceptionState {
    public static final int RESET = 1;
    public static final int NMI = 2;
    public static final int HARD_FAULT = 3;
    /** ARMv7-M configurable faults, with priorities in SHPR1. */
    public static final int MEM_MANAGE = 4;
    public static final int BUS_FAULT = 5;
    public static final int USAGE_FAULT = 6;
    public static final int SVCALL = 11;
    /** ARMv7-M DebugMonitor, with its priority in SHPR3 bits [7:0]. */
    public static final int DEBUG_MONITOR = 12;
    public static final int PENDSV = 14;
    public static final int SYSTICK = 15;
    public static final int FIRST_IRQ = 16;
    /** External interrupt lines of the ARMv6-M NVIC (its maximum). */
    public static final int IRQ_LINES = 32;
    /** External interrupt lines of the ARMv7-M NVIC here: two banks, enough for STM32F1's 60. */
    public static final int ARMV7M_IRQ_LINES = 64;
    /** Execution priority of thread mode with nothing active: lower than every configurable one. */
    static final int NO_BOOST = 0x100;

    private final int irqLines;
    private final int count;
    private final boolean[] pending;
    /** Number of true entries in {@link #pending}, so the per-instruction check is cheap when idle. */
    private int pendingCount;
    /** Told whenever an exception becomes pending (the core ends a run of quiet steps). */
    private Runnable pendingListener = () -> { };
    private final boolean[] active;
    private long irqEnabled;
    private final int[] irqPriority;
    private int svcPriority;
    private int pendSvPriority;
    private int sysTickPriority;
    private int debugMonitorPriority;
    private final boolean armv7m;
    private final int[] faultPriority = new int[3];
    private final int priorityMask;

    public ExceptionState() {
        this(Profile.ARMV6M);
    }

    public ExceptionState(Profile profile) {
        this.priorityMask = profile.priorityMask();
        this.armv7m = profile == Profile.ARMV7M;
        this.irqLines = profile == Profile.ARMV7M ? ARMV7M_IRQ_LINES : IRQ_LINES;
        this.count = FIRST_IRQ + irqLines;
        this.pending = new boolean[count];
        this.active = new boolean[count];
        this.irqPriority = new int[irqLines];
    }

    /** External interrupt lines this NVIC implements. */
    public int irqLines() {
        return irqLines;
    }

    void reset() {
        java.util.Arrays.fill(pending, false);
        pendingCount = 0;
        java.util.Arrays.fill(active, false);
        irqEnabled = 0;
        java.util.Arrays.fill(irqPriority, 0);
        svcPriority = 0;
        pendSvPriority = 0;
        sysTickPriority = 0;
        debugMonitorPriority = 0;
        java.util.Arrays.fill(faultPriority, 0);
    }

    public int priority(int exception) {
        switch (exception) {
            case RESET: return -3;
            case NMI: return -2;
            case HARD_FAULT: return -1;
            case MEM_MANAGE: return faultPriority[0];
            case BUS_FAULT: return faultPriority[1];
            case USAGE_FAULT: return faultPriority[2];
            case SVCALL: return svcPriority;
            case DEBUG_MONITOR: return debugMonitorPriority;
            case PENDSV: return pendSvPriority;
            case SYSTICK: return sysTickPriority;
            default: return exception >= FIRST_IRQ ? irqPriority[exception - FIRST_IRQ] : NO_BOOST;
        }
    }

    public boolean isPending(int exception) {
        return pending[exception];
    }

    public void setPending(int exception, boolean value) {
        if (pending[exception] != value) {
            pending[exception] = value;
            pendingCount += value ? 1 : -1;
            if (value) {
                pendingListener.run();
            }
        }
    }

    /** Runs {@code listener} whenever an exception becomes pending. */
    void setPendingListener(Runnable listener) {
        this.pendingListener = listener;
    }

    public boolean isActive(int exception) {
        return active[exception];
    }

    void setActive(int exception, boolean value) {
        active[exception] = value;
    }

    /** Clears every active flag (AIRCR.VECTCLRACTIVE). */
    public void clearAllActive() {
        java.util.Arrays.fill(active, false);
    }

    /** ExceptionActiveBitCount() of the ARMv7-M pseudocode: how many exceptions are active. */
    public int activeCount() {
        int n = 0;
        for (int e = 1; e < count; e++) {
            if (active[e]) {
                n++;
            }
        }
        return n;
    }

    /** Execution priority from active exceptions only, ignoring PRIMASK. */
    int activePriority() {
        int best = NO_BOOST;
        for (int e = 1; e < count; e++) {
            if (active[e]) {
                best = Math.min(best, priority(e));
            }
        }
        return best;
    }

    boolean anyActive() {
        for (int e = 1; e < count; e++) {
            if (active[e]) {
                return true;
            }
        }
        return false;
    }

    /** Exceptions that can be taken: pending, enabled (IRQs), and not masked by {@code maskInterrupts}. */
    private boolean eligible(int e, boolean maskInterrupts) {
        if (!pending[e]) {
            return false;
        }
        if (e >= FIRST_IRQ) {
            return !maskInterrupts && (irqEnabled & (1L << (e - FIRST_IRQ))) != 0;
        }
        if (e == PENDSV || e == SYSTICK) {
            return !maskInterrupts;
        }
        return true;
    }

    /** True if some exception is pending, whether or not it could be taken. */
    public boolean anyPending() {
        return pendingCount != 0;
    }

    /** The highest-priority eligible pending exception (lowest number on ties), or 0. */
    public int highestPending(boolean maskInterrupts) {
        if (pendingCount == 0) {
            return 0;
        }
        int best = 0;
        int bestPriority = Integer.MAX_VALUE;
        for (int e = 2; e < count; e++) {
            if (eligible(e, maskInterrupts) && priority(e) < bestPriority) {
                best = e;
                bestPriority = priority(e);
            }
        }
        return best;
    }

    public int enabledMask() {
        return enabledMask(0);
    }

    /** ISER/ICER bank {@code bank}: lines 32*bank to 32*bank+31. */
    public int enabledMask(int bank) {
        return bank * 32 < irqLines ? (int) (irqEnabled >>> (32 * bank)) : 0;
    }

    public void enable(int mask) {
        enable(0, mask);
    }

    public void enable(int bank, int mask) {
        if (bank * 32 < irqLines) {
            irqEnabled |= (mask & 0xFFFF_FFFFL) << (32 * bank);
        }
    }

    public void disable(int mask) {
        disable(0, mask);
    }

    public void disable(int bank, int mask) {
        if (bank * 32 < irqLines) {
            irqEnabled &= ~((mask & 0xFFFF_FFFFL) << (32 * bank));
        }
    }

    public int pendingIrqMask() {
        return pendingIrqMask(0);
    }

    public int pendingIrqMask(int bank) {
        return irqMask(pending, bank);
    }

    /** IABR (ARMv7-M): the active lines of a bank. */
    public int activeIrqMask(int bank) {
        return irqMask(active, bank);
    }

    private int irqMask(boolean[] flags, int bank) {
        int mask = 0;
        for (int i = 0; i < 32 && 32 * bank + i < irqLines; i++) {
            if (flags[FIRST_IRQ + 32 * bank + i]) {
                mask |= 1 << i;
            }
        }
        return mask;
    }

    public void setPendingIrqs(int mask, boolean value) {
        setPendingIrqs(0, mask, value);
    }

    public void setPendingIrqs(int bank, int mask, boolean value) {
        for (int i = 0; i < 32 && 32 * bank + i < irqLines; i++) {
            if ((mask & (1 << i)) != 0) {
                setPending(FIRST_IRQ + 32 * bank + i, value);
            }
        }
    }

    /** IPR register n (4 lines, one byte each; only bits [7:6] implemented). */
    public int readIpr(int n) {
        if (n * 4 >= irqLines) {
            return 0;
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value |= irqPriority[n * 4 + i] << (8 * i);
        }
        return value;
    }

    public void writeIpr(int n, int value) {
        if (n * 4 >= irqLines) {
            return;
        }
        for (int i = 0; i < 4; i++) {
            irqPriority[n * 4 + i] = (value >>> (8 * i)) & priorityMask;
        }
    }

    /** SHPR1 (ARMv7-M): MemManage, BusFault and UsageFault priorities in bytes 0-2. */
    public int readShpr1() {
        return faultPriority[0] | (faultPriority[1] << 8) | (faultPriority[2] << 16);
    }

    public void writeShpr1(int value) {
        for (int i = 0; i < 3; i++) {
            faultPriority[i] = (value >>> (8 * i)) & priorityMask;
        }
    }

    public int readShpr2() {
        return svcPriority << 24;
    }

    public void writeShpr2(int value) {
        svcPriority = (value >>> 24) & priorityMask;
    }

    /** SHPR3: SysTick and PendSV priorities, and on ARMv7-M DebugMonitor's in byte 0. */
    public int readShpr3() {
        return (sysTickPriority << 24) | (pendSvPriority << 16) | debugMonitorPriority;
    }

    public void writeShpr3(int value) {
        sysTickPriority = (value >>> 24) & priorityMask;
        pendSvPriority = (value >>> 16) & priorityMask;
        if (armv7m) {
            debugMonitorPriority = value & priorityMask;
        }
    }
}
