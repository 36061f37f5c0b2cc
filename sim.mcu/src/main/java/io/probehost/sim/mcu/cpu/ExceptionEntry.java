package io.probehost.sim.mcu.cpu;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;

/**
 * Exception entry and return for ARMv6-M and ARMv7-M, as the ARMv7-M pseudocode (ExceptionEntry,
 * ExceptionReturn) gives them, ARMv6-M being the subset with every fault a HardFault:
 * <ul>
 * <li>entry stacks eight words (8-byte aligned while CCR.STKALIGN is set, xPSR bit 9 recording
 * the padding), then takes the vector of the most urgent exception pending by then (late
 * arrival: one that became pending during the stacking cycles, or the BusFault of a stacking
 * error, CFSR.STKERR, uses the same frame);</li>
 * <li>return checks the returning exception is active, EXC_RETURN[3:0] and NONBASETHRDENA (a
 * failure deactivates it and takes INVPC on the frame in place, LR keeping EXC_RETURN), then
 * tail-chains into a pending exception that can preempt the return target without touching the
 * frame, or unstacks (a bus error: UNSTKERR on the same frame) and checks the popped IPSR against
 * the mode (a mismatch re-stacks and takes INVPC);</li>
 * <li>a failed vector read is a HardFault with HFSR.VECTTBL, or lockup for HardFault and NMI.</li>
 * </ul>
 * Faults raised on entry or return halt with DEMCR.VC_INTERR. Latency: 16 cycles each way on the
 * Cortex-M0, 12 on the Cortex-M3 and 6 for its tail-chain.
 */
final class ExceptionEntry {
    private static final int ENTRY_CYCLES = 16;
    private static final int RETURN_CYCLES = 16;
    private static final int CORTEX_M3_CYCLES = 12;
    private static final int CORTEX_M3_TAIL_CHAIN_CYCLES = 6;
    private static final int XPSR_REALIGNED = 1 << 9;

    private final Core core;
    private final Registers regs;
    private final ExceptionState exceptions;
    private final ControlRegisters control;
    private final int entryCycles;
    private final int returnCycles;
    private final int tailChainCycles;

    ExceptionEntry(Core core) {
        this.core = core;
        this.regs = core.regs;
        this.exceptions = core.exceptions;
        this.control = core.control;
        this.entryCycles = core.armv7m ? CORTEX_M3_CYCLES : ENTRY_CYCLES;
        this.returnCycles = core.armv7m ? CORTEX_M3_CYCLES : RETURN_CYCLES;
        this.tailChainCycles = core.armv7m ? CORTEX_M3_TAIL_CHAIN_CYCLES : RETURN_CYCLES;
    }

    /**
     * Stacks the context and enters the handler of {@code exception}, or of a more urgent one that
     * arrived meanwhile. A bus error while stacking does not stop the entry: the handler runs on
     * the corrupt frame (the Cortex-M fault rules; QEMU does the same), and the derived fault
     * (BusFault with STKERR, or HardFault) is pended, arriving late if it is the more urgent one.
     * An NMI or HardFault entry absorbs its own stacking error.
     */
    void take(int exception) {
        int excReturn = regs.handlerMode() ? 0xFFFF_FFF1 : regs.usesPsp() ? 0xFFFF_FFFD : 0xFFFF_FFF9;
        boolean stacked = pushFrame(regs.usesPsp(), regs.pc(), regs.xpsr());
        if (!stacked && exception != ExceptionState.HARD_FAULT && exception != ExceptionState.NMI) {
            core.raiseFault(ExceptionState.BUS_FAULT, ControlRegisters.CFSR_STKERR);
            if (core.lockedUp()) {
                return;
            }
        } else if (!stacked) {
            control.recordCfsr(ControlRegisters.CFSR_STKERR);
        }
        core.chargeCycles(entryCycles);
        int late = exceptions.highestPending(core.debug.maskInts);
        if (late != 0 && exceptions.priority(late) < exceptions.priority(exception)) {
            exception = late;
        }
        boolean derived = !stacked && (exception == ExceptionState.BUS_FAULT || exception == ExceptionState.HARD_FAULT);
        enterOnTheSameFrame(exception, excReturn, derived ? DebugState.DEMCR_VC_INTERR : 0);
    }

    /**
     * Writes the context frame below the stack pointer (PSP or MSP), from its lowest word up, and
     * moves the stack pointer to it even if the bus refused a word (the rest stay unwritten).
     * False on a bus error.
     */
    private boolean pushFrame(boolean usePsp, int returnAddress, int xpsr) {
        int sp = usePsp ? regs.psp() : regs.msp();
        int frame = (sp - 0x20) & control.frameAlignmentMask();
        int[] words = {regs.get(0), regs.get(1), regs.get(2), regs.get(3), regs.get(12), regs.lr(), returnAddress,
            xpsr | (frame + 0x20 != sp ? XPSR_REALIGNED : 0)};
        boolean stacked = push(frame, words);
        if (usePsp) {
            regs.setPsp(frame);
        } else {
            regs.setMsp(frame);
        }
        return stacked;
    }

    /** Writes the frame from its lowest word up; false at the first word the bus refuses. */
    private boolean push(int frame, int[] words) {
        try {
            for (int i = 0; i < words.length; i++) {
                core.bus().write(frame + 4 * i, AccessSize.WORD, words[i]);
            }
            return true;
        } catch (BusFault e) {
            return false;
        }
    }

    /**
     * Enters the handler of {@code exception} on the frame already in place, with LR =
     * {@code excReturn}. A vector read error becomes a HardFault (HFSR.VECTTBL and FORCED) taken
     * the same way while the exception stays pending (as on QEMU: its handler must withdraw it);
     * for HardFault or NMI it locks up, consuming the exception, so a debugger that halts, sets PC
     * and SP and resumes runs its code instead of re-entering it.
     */
    private void enterOnTheSameFrame(int exception, int excReturn, int vectorCatch) {
        int vector;
        try {
            vector = core.bus().read(control.vectorAddress(exception), AccessSize.WORD);
        } catch (BusFault e) {
            if (core.armv7m) {
                // the BusFault of the vector read is escalated: FORCED as well (QEMU sets both)
                control.recordHfsr(ControlRegisters.HFSR_VECTTBL | ControlRegisters.HFSR_FORCED);
            }
            if (exception == ExceptionState.HARD_FAULT || exception == ExceptionState.NMI) {
                exceptions.setPending(exception, false);
                core.enterLockup(exceptions.priority(exception));
                return;
            }
            enterOnTheSameFrame(ExceptionState.HARD_FAULT, excReturn, DebugState.DEMCR_VC_INTERR);
            return;
        }
        exceptions.setPending(exception, false);
        exceptions.setActive(exception, true);
        regs.setIpsr(exception);
        regs.itState = 0;
        core.clearExclusive();
        regs.setSpsel(false);
        regs.setLr(excReturn);
        regs.setPc(vector);
        regs.setThumb((vector & 1) != 0);
        core.setEventRegister();
        int catches = vectorCatch | (exception == ExceptionState.HARD_FAULT ? DebugState.DEMCR_VC_HARDERR : control.vectorCatchFor(exception));
        if (core.debug.debugEnabled && (core.debug.demcr & catches) != 0) {
            core.enterDebug(DebugState.DFSR_VCATCH);
        }
    }

    /**
     * An exception return fault (INVPC, UNSTKERR) is raised like a synchronous fault and whatever
     * then preempts is entered on the frame in place, LR keeping EXC_RETURN; or the core locks up.
     */
    private void faultOnTheSameFrame(int fault, int cfsrBits, int excReturn) {
        core.raiseFault(fault, cfsrBits);
        if (core.lockedUp()) {
            return;
        }
        core.chargeCycles(entryCycles);
        int next = core.exceptionToTake();
        if (next != 0) {
            enterOnTheSameFrame(next, excReturn, DebugState.DEMCR_VC_INTERR);
        }
    }

    /** Returns from the active exception for an EXC_RETURN value (BX, POP or LDM of PC, LDR PC in Handler mode). */
    void returnFrom(int excReturn) {
        int current = regs.ipsr();
        int kind = excReturn & 0xF;
        boolean toThread = kind != 1;
        boolean usePsp = kind == 0xD;
        boolean wellFormed = (excReturn & 0x0FFF_FFF0) == 0x0FFF_FFF0 && (kind == 1 || kind == 9 || kind == 0xD);
        if (!exceptions.isActive(current)) {
            faultOnTheSameFrame(ExceptionState.USAGE_FAULT, ControlRegisters.CFSR_INVPC, excReturn);
            return;
        }
        int nested = exceptions.activeCount();
        boolean integrity = wellFormed
                && (toThread ? nested == 1 || control.threadReturnWithActiveAllowed() : nested != 1);
        exceptions.setActive(current, false);
        if (current != ExceptionState.NMI) {
            regs.setFaultmask(false);
        }
        if (!integrity) {
            faultOnTheSameFrame(ExceptionState.USAGE_FAULT, ControlRegisters.CFSR_INVPC, excReturn);
            return;
        }
        int chained = core.exceptionToTake();
        if (chained != 0) {
            core.chargeCycles(tailChainCycles);
            enterOnTheSameFrame(chained, excReturn, 0);
            return;
        }
        int sp = usePsp ? regs.psp() : regs.msp();
        int[] words = new int[8];
        try {
            for (int i = 0; i < 8; i++) {
                words[i] = core.bus().read(sp + 4 * i, AccessSize.WORD);
            }
        } catch (BusFault e) {
            faultOnTheSameFrame(ExceptionState.BUS_FAULT, ControlRegisters.CFSR_UNSTKERR, excReturn);
            return;
        }
        unstack(words, sp, usePsp, toThread);
        core.chargeCycles(returnCycles);
        if (toThread != ((words[7] & 0x1FF) == 0)) {
            // the popped IPSR contradicts the mode: the frame goes back as popped (on the stack of
            // the mode returned to) and INVPC is taken on it
            pushFrame(usePsp, regs.pc(), (regs.xpsr() & ~0x1FF) | (words[7] & 0x1FF));
            faultOnTheSameFrame(ExceptionState.USAGE_FAULT, ControlRegisters.CFSR_INVPC, excReturn);
            return;
        }
        if (toThread && nested == 1) {
            core.sleepOnExitIfEnabled();
        }
    }

    private void unstack(int[] words, int sp, boolean usePsp, boolean toThread) {
        int xpsr = words[7];
        int newSp = (sp + 0x20) | ((xpsr & XPSR_REALIGNED) != 0 ? 4 : 0);
        if (usePsp) {
            regs.setPsp(newSp);
        } else {
            regs.setMsp(newSp);
        }
        regs.set(0, words[0]);
        regs.set(1, words[1]);
        regs.set(2, words[2]);
        regs.set(3, words[3]);
        regs.set(12, words[4]);
        regs.setLr(words[5]);
        regs.setApsr(xpsr);
        regs.setThumb((xpsr & (1 << 24)) != 0);
        regs.setEpsrIt(xpsr);
        regs.setIpsr(toThread ? 0 : xpsr);
        regs.setSpsel(usePsp);
        regs.setPc(words[6]);
        core.clearExclusive();
        core.setEventRegister();
    }
}
