package io.probehost.sim.mcu.cpu;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;

/**
 * Exception entry (8-word stacking with 8-byte alignment, EXC_RETURN in LR) and exception return,
 * for ARMv6-M and ARMv7-M (which also saves ITSTATE in the stacked xPSR and clears FAULTMASK on
 * return). Latency: 16 cycles each way on the Cortex-M0, 12 on the Cortex-M3; no tail-chaining
 * or late-arrival timing.
 */
final class ExceptionEntry {
    private static final int ENTRY_CYCLES = 16;
    private static final int RETURN_CYCLES = 16;
    private static final int CORTEX_M3_CYCLES = 12;

    private final Core core;
    private final Registers regs;
    private final ExceptionState exceptions;
    private final int entryCycles;
    private final int returnCycles;

    ExceptionEntry(Core core) {
        this.core = core;
        this.regs = core.regs;
        this.exceptions = core.exceptions;
        this.entryCycles = core.armv7m ? CORTEX_M3_CYCLES : ENTRY_CYCLES;
        this.returnCycles = core.armv7m ? CORTEX_M3_CYCLES : RETURN_CYCLES;
    }

    /**
     * Stacks the context and enters the handler of {@code exception}. A bus error while stacking
     * does not stop the entry: the handler runs on the corrupt frame (the Cortex-M fault rules;
     * QEMU does the same). For a configurable exception the error is a derived HardFault, which
     * arrives late and is entered on the same frame while the original exception stays pending.
     * Only a failed vector read for HardFault or NMI locks up.
     */
    void take(int exception) {
        boolean usePsp = regs.usesPsp();
        int sp = usePsp ? regs.psp() : regs.msp();
        int frame = (sp - 0x20) & ~7;
        int excReturn = regs.handlerMode() ? 0xFFFF_FFF1 : usePsp ? 0xFFFF_FFFD : 0xFFFF_FFF9;
        int xpsr = regs.xpsr() | ((sp & 4) != 0 ? 1 << 9 : 0);
        int[] words = {regs.get(0), regs.get(1), regs.get(2), regs.get(3), regs.get(12), regs.lr(), regs.pc(), xpsr};
        if (!push(frame, words) && exception != ExceptionState.HARD_FAULT && exception != ExceptionState.NMI) {
            exception = ExceptionState.HARD_FAULT;
        }
        int vector;
        try {
            vector = core.bus().read(core.controlRegisters().vectorAddress(exception), AccessSize.WORD);
        } catch (BusFault e) {
            if (exception == ExceptionState.HARD_FAULT || exception == ExceptionState.NMI) {
                // the lockup consumes the exception: a debugger that halts, sets PC and SP and
                // resumes runs its code instead of re-entering the same failed exception
                exceptions.setPending(exception, false);
                core.enterLockup(exceptions.priority(exception));
            } else {
                exceptions.setPending(exception, false);
                exceptions.setPending(ExceptionState.HARD_FAULT, true);
            }
            return;
        }
        if (usePsp) {
            regs.setPsp(frame);
        } else {
            regs.setMsp(frame);
        }
        exceptions.setPending(exception, false);
        enterHandler(exception, excReturn, vector);
    }

    /** The common end of an entry, once the frame is in place: active, Handler mode, LR, PC. */
    private void enterHandler(int exception, int excReturn, int vector) {
        exceptions.setActive(exception, true);
        regs.setIpsr(exception);
        regs.itState = 0;
        core.clearExclusive();
        regs.setSpsel(false);
        regs.setLr(excReturn);
        regs.setPc(vector);
        regs.setThumb((vector & 1) != 0);
        core.setEventRegister();
        core.chargeCycles(entryCycles);
        int vectorCatch = exception == ExceptionState.HARD_FAULT ? DebugState.DEMCR_VC_HARDERR : core.controlRegisters().vectorCatchFor(exception);
        if (vectorCatch != 0 && core.debug.debugEnabled && (core.debug.demcr & vectorCatch) != 0) {
            core.enterDebug(DebugState.DFSR_VCATCH);
        }
    }

    /**
     * A bus error while unstacking: the returning exception is already over, and the derived
     * HardFault is taken on the frame that could not be read (nothing stacked, SP unchanged, LR
     * keeps the EXC_RETURN), as QEMU does; where HardFault cannot preempt, the core locks up.
     */
    private void takeHardFaultOnTheSameFrame(int excReturn) {
        int priority = core.executionPriority();
        if (priority <= exceptions.priority(ExceptionState.HARD_FAULT)) {
            core.enterLockup(priority);
            return;
        }
        int vector;
        try {
            vector = core.bus().read(core.controlRegisters().vectorAddress(ExceptionState.HARD_FAULT), AccessSize.WORD);
        } catch (BusFault e) {
            core.enterLockup(exceptions.priority(ExceptionState.HARD_FAULT));
            return;
        }
        exceptions.setPending(ExceptionState.HARD_FAULT, false);
        enterHandler(ExceptionState.HARD_FAULT, excReturn, vector);
    }

    /** Writes the frame from its lowest word up; false at the first word the bus refuses (the rest stay unwritten). */
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

    /** Unstacks the context for an EXC_RETURN value (0xFFFFFFF1, F9 or FD). */
    void returnFrom(int excReturn) {
        int kind = excReturn & 0xF;
        if ((excReturn & 0x0FFF_FFF0) != 0x0FFF_FFF0 || (kind != 1 && kind != 9 && kind != 0xD)) {
            throw core.fault(ExceptionState.USAGE_FAULT, ControlRegisters.CFSR_INVPC);
        }
        int current = regs.ipsr();
        boolean toThread = kind != 1;
        boolean usePsp = kind == 0xD;
        int sp = usePsp ? regs.psp() : regs.msp();
        int[] words = new int[8];
        try {
            for (int i = 0; i < 8; i++) {
                words[i] = core.bus().read(sp + 4 * i, AccessSize.WORD);
            }
        } catch (BusFault e) {
            exceptions.setActive(current, false);
            takeHardFaultOnTheSameFrame(excReturn);
            return;
        }
        exceptions.setActive(current, false);
        if (current != ExceptionState.NMI) {
            regs.setFaultmask(false);
        }
        int xpsr = words[7];
        int newSp = (sp + 0x20) | ((xpsr & (1 << 9)) != 0 ? 4 : 0);
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
        core.chargeCycles(returnCycles);
        if (toThread) {
            core.sleepOnExitIfEnabled();
        }
    }
}
