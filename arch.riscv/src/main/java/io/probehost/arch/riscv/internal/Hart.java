package io.probehost.arch.riscv.internal;

import java.time.Duration;
import java.util.function.Supplier;

import io.probehost.api.TargetException;
import io.probehost.api.debug.HaltReason;

/**
 * One hart under debug through its {@link DebugModule}: halt, resume and single step with
 * {@code dcsr} set up for them (riscv-debug.md §3: {@code ebreakm}, and {@code ebreaku}/{@code ebreaks}
 * where {@code misa} has those modes, so that every {@code ebreak} enters Debug Mode; {@code step} for
 * one instruction with {@code stepie} clear), register access that requires a halted hart, and
 * {@link #whileHalted} for what only a halted hart allows (memory on a DM without system bus access,
 * triggers): a running hart is halted for it and resumed afterwards.
 */
public final class Hart {
    static final int DCSR_EBREAKM = 1 << 15;
    static final int DCSR_EBREAKS = 1 << 13;
    static final int DCSR_EBREAKU = 1 << 12;
    static final int DCSR_STEPIE = 1 << 11;
    static final int DCSR_STEP = 1 << 2;
    static final int CAUSE_EBREAK = 1;
    static final int CAUSE_TRIGGER = 2;
    static final int CAUSE_HALTREQ = 3;
    static final int CAUSE_STEP = 4;
    static final int CAUSE_RESETHALTREQ = 5;
    private static final long MISA_S = 1 << ('S' - 'A');
    private static final long MISA_U = 1 << ('U' - 'A');

    private final DebugModule dm;
    private final Duration timeout;
    private long misa = -1;
    private boolean knownHalted;

    public Hart(DebugModule dm, Duration timeout) {
        this.dm = dm;
        this.timeout = timeout;
    }

    public DebugModule debugModule() {
        return dm;
    }

    public Duration timeout() {
        return timeout;
    }

    public boolean isHalted() {
        knownHalted = dm.isHalted();
        return knownHalted;
    }

    public void halt(Duration limit) {
        if (!isHalted()) {
            dm.halt(limit);
        }
        knownHalted = true;
    }

    /** Resumes with {@code dcsr} set to stop at every {@code ebreak}, not stepping. */
    public void resume() {
        prepareDebugCsr(false);
        knownHalted = false;
        dm.resume(timeout);
    }

    /** Executes one instruction with interrupts masked ({@code stepie} 0) and waits for the halt. */
    public void step() {
        prepareDebugCsr(true);
        knownHalted = false;
        dm.resume(timeout);
        Polling.until(dm::isHalted, timeout, "the hart did not halt after a single step");
        knownHalted = true;
    }

    /** Forgets the cached run state and {@code misa} (after a reset). */
    public void forgetState() {
        knownHalted = false;
        dm.forgetProgram();
    }

    private void prepareDebugCsr(boolean step) {
        requireHalted("resume");
        long dcsr = dm.readRegister(RiscvRegisters.DCSR);
        long wanted = dcsr | DCSR_EBREAKM | (hasMode(MISA_S) ? DCSR_EBREAKS : 0) | (hasMode(MISA_U) ? DCSR_EBREAKU : 0);
        wanted = step ? (wanted | DCSR_STEP) & ~DCSR_STEPIE : wanted & ~DCSR_STEP;
        if (wanted != dcsr) {
            dm.writeRegister(RiscvRegisters.DCSR, wanted);
        }
    }

    private boolean hasMode(long bit) {
        return (misa() & bit) != 0;
    }

    /** {@code misa}, read once (0 when the hart does not implement it). */
    public long misa() {
        if (misa < 0) {
            try {
                misa = dm.readRegister(RiscvRegisters.MISA);
            } catch (AbstractCommandException notThere) {
                misa = 0;
            }
        }
        return misa;
    }

    /** Why the hart halted, from {@code dcsr.cause}; a trigger is reported by {@code triggerReason}. */
    public HaltReason haltReason(Supplier<HaltReason> triggerReason) {
        int cause = (int) (dm.readRegister(RiscvRegisters.DCSR) >>> 6 & 7);
        return switch (cause) {
            case CAUSE_EBREAK -> HaltReason.BREAKPOINT;
            case CAUSE_TRIGGER -> triggerReason.get();
            case CAUSE_HALTREQ -> HaltReason.DEBUG_REQUEST;
            case CAUSE_STEP -> HaltReason.STEP;
            case CAUSE_RESETHALTREQ -> HaltReason.VECTOR_CATCH;
            default -> HaltReason.UNKNOWN;
        };
    }

    public long readRegister(int regno) {
        requireHalted("read a register");
        return dm.readRegister(regno);
    }

    public void writeRegister(int regno, long value) {
        requireHalted("write a register");
        dm.writeRegister(regno, value);
    }

    public void requireHalted(String what) {
        if (!knownHalted && !isHalted()) {
            throw new TargetException("cannot " + what + ": the hart is running (halt it first)");
        }
    }

    /**
     * Runs {@code action} on a halted hart: at once when halted, otherwise between a halt and a
     * resume, as the GD32VF103's Debug Module reaches memory and triggers only through a halted hart.
     */
    public <T> T whileHalted(Supplier<T> action) {
        if (knownHalted || isHalted()) {
            return action.get();
        }
        dm.halt(timeout);
        knownHalted = true;
        try {
            return action.get();
        } finally {
            resume();
        }
    }

    public void whileHalted(Runnable action) {
        whileHalted(() -> {
            action.run();
            return null;
        });
    }
}
