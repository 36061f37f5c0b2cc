package io.probehost.sim.mcu.cpu;

/**
 * Where a debug event goes (ARMv7-M C1.4, ARMv6-M the subset without a monitor): Debug state while
 * halting debug is enabled; else, on ARMv7-M with DEMCR.MON_EN, the DebugMonitor exception if it
 * can preempt the execution priority (DFSR records why); else a breakpoint escalates to HardFault
 * (HFSR.DEBUGEVT on ARMv7-M) and a watchpoint is ignored.
 */
final class DebugEvents {
    private final Core core;
    private final DebugState debug;
    private final ExceptionState exceptions;

    DebugEvents(Core core) {
        this.core = core;
        this.debug = core.debug;
        this.exceptions = core.exceptions;
    }

    /** BKPT or an FPB match. */
    void breakpoint(int dfsrBits) {
        if (debug.debugEnabled) {
            core.enterDebug(dfsrBits);
        } else if (!monitor(dfsrBits)) {
            if (core.armv7m) {
                core.control.recordHfsr(ControlRegisters.HFSR_DEBUGEVT);
            }
            core.raiseHardFault();
        }
    }

    /** A DWT match; true if it stops the instruction (Debug state or the monitor). */
    boolean watchpoint() {
        if (debug.debugEnabled) {
            core.enterDebug(DebugState.DFSR_DWTTRAP);
            return true;
        }
        return monitor(DebugState.DFSR_DWTTRAP);
    }

    /** Pends DebugMonitor with the DFSR reason if monitor debug can take it now; false if not. */
    boolean monitor(int dfsrBits) {
        if (!monitorCanPreempt()) {
            return false;
        }
        debug.dfsr |= dfsrBits;
        exceptions.setPending(ExceptionState.DEBUG_MONITOR, true);
        return true;
    }

    /** Monitor debug is on (ARMv7-M, halting debug off, MON_EN) and DebugMonitor beats the execution priority. */
    boolean monitorCanPreempt() {
        return core.armv7m && !debug.debugEnabled && (debug.demcr & DebugState.DEMCR_MON_EN) != 0
                && exceptions.priority(ExceptionState.DEBUG_MONITOR) < core.executionPriority();
    }
}
