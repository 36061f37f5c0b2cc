package io.probehost.firmware;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * A second, independent judge of ARMv6-M exception behaviour, written from the architecture
 * manual's pseudocode (ExecutionPriority, ExceptionEntry/PushStack, ReturnAddress, the escalation
 * of synchronous exceptions, Lockup) and not from the lab's code. It tracks only what the tests
 * observe: active exceptions, PRIMASK, the mode and stack, and lockup. Where QEMU stays silent
 * (it aborts on lockup) this model decides what the lab must show.
 */
final class Armv6mExceptionModel {
    static final int NMI = 2;
    static final int HARD_FAULT = 3;
    static final int SVCALL = 11;
    static final int PENDSV = 14;
    static final int SYSTICK = 15;
    static final int FIRST_IRQ = 16;
    static final int LOCKUP_ADDRESS = 0xFFFF_FFFE;
    static final int EXC_RETURN_HANDLER = 0xFFFF_FFF1;
    static final int EXC_RETURN_THREAD_MSP = 0xFFFF_FFF9;
    static final int EXC_RETURN_THREAD_PSP = 0xFFFF_FFFD;
    /** Thread mode with nothing active: below every configurable priority (ARMv6-M: 4 levels). */
    private static final int NO_BOOST = 4;

    /** What an instruction raised: a fault (UDF, alignment, bus error, INVSTATE, BKPT without a debugger) or an SVC. */
    enum Cause { FAULT, SVC }

    /** The exception that was entered, or lockup, and the return address it stacked. */
    record Outcome(int exception, int returnAddress, int excReturn, int stackedIpsr, boolean lockup, int lockupPriority) {
    }

    private final int[] configurable = new int[FIRST_IRQ + 32]; // priority in 0..3 (the top two bits)
    private final BitSet active = new BitSet();
    private final BitSet pending = new BitSet();
    private boolean primask;
    private boolean threadOnPsp;
    private int ipsr;
    private boolean lockedUp;
    private int lockupPriority;

    /** Sets a configurable priority as the register byte holds it (only bits 7:6 exist). */
    Armv6mExceptionModel priority(int exception, int registerByte) {
        configurable[exception] = (registerByte & 0xC0) >>> 6;
        return this;
    }

    Armv6mExceptionModel primask(boolean set) {
        primask = set;
        return this;
    }

    Armv6mExceptionModel threadOnPsp(boolean psp) {
        threadOnPsp = psp;
        return this;
    }

    /** Puts the core in the handler of {@code exception}, as if it had been taken from thread mode. */
    Armv6mExceptionModel inHandler(int exception) {
        active.set(exception);
        ipsr = exception;
        return this;
    }

    int priorityOf(int exception) {
        switch (exception) {
            case 1: return -3;
            case NMI: return -2;
            case HARD_FAULT: return -1;
            default: return configurable[exception];
        }
    }

    /** ExecutionPriority(): the most urgent active exception, boosted to 0 by PRIMASK. */
    int executionPriority() {
        int highest = NO_BOOST;
        for (int e = active.nextSetBit(0); e >= 0; e = active.nextSetBit(e + 1)) {
            highest = Math.min(highest, priorityOf(e));
        }
        return primask ? Math.min(highest, 0) : highest;
    }

    boolean lockedUp() {
        return lockedUp;
    }

    /**
     * An instruction at {@code address} raised {@code cause}; {@code next} is where execution would
     * have gone on (the next instruction, or a branch target). SVCall is taken if its priority is
     * above the execution priority; otherwise it, like every fault, escalates to HardFault, which
     * in turn cannot be taken at priority -1 or below: lockup. The return address is the faulting
     * instruction for a fault and the following one for an SVC (CallSupervisor completes the
     * instruction before the exception is taken).
     */
    Outcome raise(Cause cause, int address, int next) {
        int returnAddress = cause == Cause.SVC ? next : address;
        int exception = cause == Cause.SVC && priorityOf(SVCALL) < executionPriority() ? SVCALL : HARD_FAULT;
        if (exception == HARD_FAULT && executionPriority() <= priorityOf(HARD_FAULT)) {
            lockedUp = true;
            lockupPriority = executionPriority();
            return new Outcome(0, LOCKUP_ADDRESS, 0, ipsr, true, lockupPriority);
        }
        return take(exception, returnAddress);
    }

    /**
     * As {@link #raise}, but PushStack meets a bus error. Entry goes on and the handler runs on the
     * corrupt frame (the Cortex-M fault rules: a fault while stacking does not escalate further);
     * a configurable exception gives way to the derived HardFault, which arrives late on the same
     * frame, and stays pending.
     */
    Outcome raiseOnBadStack(Cause cause, int address, int next) {
        Outcome outcome = raise(cause, address, next);
        if (outcome.lockup() || priorityOf(outcome.exception()) < 0) {
            return outcome;
        }
        active.clear(outcome.exception());
        pending.set(outcome.exception());
        active.set(HARD_FAULT);
        ipsr = HARD_FAULT;
        return new Outcome(HARD_FAULT, outcome.returnAddress(), outcome.excReturn(), outcome.stackedIpsr(), false, 0);
    }

    /**
     * ExceptionReturn's PopStack meets a bus error: the returning exception is over, and HardFault is
     * taken on the frame that could not be read (nothing stacked, SP unchanged, LR keeps the
     * EXC_RETURN); lockup where HardFault cannot preempt what is still active.
     */
    Outcome returnFailsToUnstack(int excReturn) {
        active.clear(ipsr);
        int priority = executionPriority();
        if (priority <= priorityOf(HARD_FAULT)) {
            lockedUp = true;
            lockupPriority = priority;
            return new Outcome(0, LOCKUP_ADDRESS, 0, ipsr, true, priority);
        }
        int stackedIpsr = ipsr;
        active.set(HARD_FAULT);
        ipsr = HARD_FAULT;
        return new Outcome(HARD_FAULT, 0, excReturn, stackedIpsr, false, 0);
    }

    /** PushStack's frame address: eight words below SP, aligned down to eight bytes. */
    static int frameAddress(int sp) {
        return (sp - 0x20) & ~7;
    }

    /** ICSR.VECTPENDING: the most urgent pending exception, 0 if none. */
    int vectPending() {
        return pending.isEmpty() ? 0 : takingOrder(pending.stream().boxed().toList()).get(0);
    }

    /**
     * The handler returns to thread mode at {@code returnAddress}: its exception is no longer active,
     * and the most urgent pending exception that can now preempt is taken there. Null if none is.
     */
    Outcome returnToThread(int returnAddress) {
        active.clear(ipsr);
        ipsr = 0;
        int next = vectPending();
        if (next == 0 || priorityOf(next) >= executionPriority()) {
            return null;
        }
        pending.clear(next);
        return take(next, returnAddress);
    }

    /**
     * An asynchronous exception (NMI, interrupt) became pending with the core at {@code returnAddress}.
     * Taken when more urgent than the execution priority; in lockup only an NMI at a lockup at
     * HardFault priority is, and its return address is the lockup address. Returns null if it stays pending.
     */
    Outcome pend(int exception, int returnAddress) {
        if (lockedUp) {
            if (exception != NMI || lockupPriority != priorityOf(HARD_FAULT)) {
                return null;
            }
            lockedUp = false;
            return take(exception, LOCKUP_ADDRESS);
        }
        return priorityOf(exception) < executionPriority() ? take(exception, returnAddress) : null;
    }

    /** ExceptionEntry: PushStack (frame holding the current IPSR), EXC_RETURN from the mode, then the handler. */
    private Outcome take(int exception, int returnAddress) {
        int excReturn = ipsr != 0 ? EXC_RETURN_HANDLER : threadOnPsp ? EXC_RETURN_THREAD_PSP : EXC_RETURN_THREAD_MSP;
        int stackedIpsr = ipsr;
        active.set(exception);
        ipsr = exception;
        return new Outcome(exception, returnAddress, excReturn, stackedIpsr, false, 0);
    }

    /** The stacked xPSR (bit 9, the alignment pad, left out): flags, EPSR.T, IPSR at the time. */
    static int stackedXpsr(int nzcv, boolean thumb, int stackedIpsr) {
        return nzcv << 28 | (thumb ? 1 << 24 : 0) | stackedIpsr;
    }

    /** The order pending exceptions are taken in once nothing masks them: priority, then number. */
    List<Integer> takingOrder(List<Integer> pending) {
        List<Integer> order = new ArrayList<>(pending);
        order.sort(Comparator.<Integer>comparingInt(this::priorityOf).thenComparingInt(e -> e));
        return order;
    }
}
