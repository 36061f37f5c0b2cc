package io.probehost.sim.mcu.cpu;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.mcu.VirtualClock;

/**
 * A Cortex-M0 (ARMv6-M) core: executes one instruction or exception entry per {@link #step()}.
 * Not thread-safe by itself; the owner serialises all calls (see {@link CoreRunner}).
 */
public final class Core {
    public static final int CPU_HZ = 16_000_000;
    public static final int LOCKUP_ADDRESS = 0xFFFF_FFFE;

    /** Thrown inside an instruction on a synchronous fault; becomes a HardFault (or lockup). */
    static final class Fault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Fault() {
            super(null, null, false, false);
        }
    }

    static final Fault FAULT = new Fault();

    final Registers regs = new Registers();
    final ExceptionState exceptions = new ExceptionState();
    final SysTick sysTick = new SysTick();
    final DebugState debug = new DebugState();
    private final MemoryPort bus;
    private final VirtualClock clock;
    private final ThumbExecutor executor = new ThumbExecutor(this);
    private final ExceptionEntry exceptionEntry = new ExceptionEntry(this);
    private DebugComparators comparators = DebugComparators.NONE;
    private ClockedDevice[] devices = new ClockedDevice[0];
    private Runnable peripheralReset = () -> { };

    private long cycles;
    private long cycleLimit = Long.MAX_VALUE;
    private boolean cycleLimitReached;
    boolean sleeping;
    private boolean eventRegister;
    private boolean sleepingForEvent;
    private boolean lockedUp;
    /** Execution priority the core locked up at: -1 (HardFault) lets an NMI end the lockup, -2 does not. */
    private int lockupPriority;
    private boolean resetHeld;
    private boolean executing;
    private boolean resetRequested;
    private boolean watchHit;
    private boolean stuck;
    private int scr;

    public Core(MemoryPort bus, VirtualClock clock) {
        this.bus = bus;
        this.clock = clock;
        debug.powerOnReset();
    }

    public void setComparators(DebugComparators comparators) {
        this.comparators = comparators;
    }

    /** Adds a peripheral that counts processor cycles. */
    public void addClockedDevice(ClockedDevice device) {
        devices = java.util.Arrays.copyOf(devices, devices.length + 1);
        devices[devices.length - 1] = device;
    }

    /** Cycles until SysTick or a clocked device raises an interrupt, or -1 if none will. */
    private long cyclesUntilInterrupt() {
        long next = sysTick.cyclesUntilInterrupt();
        for (ClockedDevice device : devices) {
            long d = device.cyclesUntilInterrupt();
            if (d > 0 && (next <= 0 || d < next)) {
                next = d;
            }
        }
        return next;
    }

    /** Called on every system reset before the core fetches its vectors. */
    public void setPeripheralReset(Runnable hook) {
        this.peripheralReset = hook;
    }

    public Registers registers() {
        return regs;
    }

    public ExceptionState exceptions() {
        return exceptions;
    }

    public SysTick sysTick() {
        return sysTick;
    }

    public DebugState debug() {
        return debug;
    }

    public long cycles() {
        return cycles;
    }

    public boolean sleeping() {
        return sleeping;
    }

    public boolean lockedUp() {
        return lockedUp;
    }

    public boolean resetHeld() {
        return resetHeld;
    }

    public void setStuck(boolean stuck) {
        this.stuck = stuck;
    }

    public boolean stuck() {
        return stuck;
    }

    public int scr() {
        return scr;
    }

    public void writeScr(int value) {
        scr = value & 0x16;
    }

    /** Halts the core (without a DFSR reason) once {@link #cycles()} reaches {@code limit}. */
    public void setCycleLimit(long limit) {
        cycleLimit = limit;
        cycleLimitReached = false;
    }

    public boolean cycleLimitReached() {
        return cycleLimitReached;
    }

    /** True if {@link #step()} would make progress now. */
    public boolean canRun() {
        if (debug.halted || resetHeld || (lockedUp && !nmiEndsLockup())) {
            return false;
        }
        return !sleeping || wakeCondition() || cyclesUntilInterrupt() > 0;
    }

    // ---- reset ----

    /** Power-on: resets the debug logic too. */
    public void powerOnReset() {
        debug.powerOnReset();
        systemReset();
    }

    /** SYSRESETREQ or nRESET: core and peripherals, not the debug logic. */
    public void requestSystemReset() {
        if (executing) {
            resetRequested = true;
        } else {
            systemReset();
        }
    }

    private void systemReset() {
        peripheralReset.run();
        regs.reset();
        exceptions.reset();
        sysTick.reset();
        scr = 0;
        sleeping = false;
        eventRegister = false;
        lockedUp = false;
        debug.halted = false;
        debug.resetSinceRead = true;
        if (resetHeld) {
            return;
        }
        try {
            regs.setMsp(bus.read(0, AccessSize.WORD));
            int entry = bus.read(4, AccessSize.WORD);
            regs.setPc(entry);
            regs.setThumb((entry & 1) != 0);
        } catch (BusFault e) {
            enterLockup(exceptions.priority(ExceptionState.RESET));
        }
        // the catch and a pending halt apply to a failed vector fetch too: Debug state ends the lockup
        if (debug.debugEnabled && (debug.demcr & DebugState.DEMCR_VC_CORERESET) != 0) {
            enterDebug(DebugState.DFSR_VCATCH);
        } else if (debug.debugEnabled && debug.haltBit) {
            enterDebug(DebugState.DFSR_HALTED);
        }
    }

    public void setResetHeld(boolean held) {
        if (held == resetHeld) {
            return;
        }
        resetHeld = held;
        if (held) {
            peripheralReset.run();
            lockedUp = false;
            debug.halted = false;
            debug.resetSinceRead = true;
        } else {
            systemReset();
        }
    }

    // ---- debug state ----

    /**
     * Enters Debug state with the given DFSR reason bits. Entering Debug state ends a lockup
     * (ARMv6-M C1.5): S_LOCKUP reads 0 from then on, while the PC keeps the lockup address
     * 0xFFFFFFFE, so resuming without writing the PC faults and locks up again.
     */
    public void enterDebug(int dfsrBits) {
        debug.halted = true;
        debug.haltBit = true;
        debug.dfsr |= dfsrBits;
        sleeping = false;
        lockedUp = false;
    }

    /** Leaves Debug state (C_HALT cleared by the debugger). */
    public void leaveDebug() {
        debug.halted = false;
        debug.haltBit = false;
        cycleLimitReached = false;
    }

    public void setDebugEnabled(boolean enabled) {
        debug.debugEnabled = enabled;
    }

    /** A debugger's halt request; a stuck core ignores it. */
    public void requestHalt() {
        debug.haltBit = true;
        if (!stuck && !debug.halted && !resetHeld) {
            enterDebug(DebugState.DFSR_HALTED);
        }
    }

    /** Executes one instruction (or exception entry) from Debug state, then halts again. */
    public void singleStep() {
        if (stuck) {
            return;
        }
        debug.halted = false;
        step();
        if (!debug.halted) {
            enterDebug(DebugState.DFSR_HALTED);
        }
    }

    /** A debugger wrote a register through DCRSR; writing the PC leaves lockup. */
    public void debugRegisterWritten(CoreRegister reg) {
        if (reg == CoreRegister.PC && lockedUp) {
            lockedUp = false;
        }
    }

    // ---- execution ----

    public void step() {
        if (debug.halted || resetHeld) {
            return;
        }
        if (lockedUp) {
            if (!nmiEndsLockup()) {
                return;
            }
            lockedUp = false;
        }
        if (sleeping) {
            if (wakeCondition()) {
                if (sleepingForEvent) {
                    eventRegister = false;
                }
                sleeping = false;
            } else {
                long skip = cyclesUntilInterrupt();
                if (skip > 0) {
                    addCycles(skip);
                }
                return;
            }
        }
        executing = true;
        try {
            int exception = exceptionToTake();
            if (exception != 0) {
                exceptionEntry.take(exception);
            } else {
                executeOne();
            }
        } finally {
            executing = false;
            if (resetRequested) {
                resetRequested = false;
                systemReset();
            }
        }
    }

    private void executeOne() {
        int pc = regs.pc();
        if (comparators.breakpointAt(pc)) {
            debugEvent(DebugState.DFSR_BKPT);
            return;
        }
        if (comparators.pcMatchAt(pc) && debug.debugEnabled) {
            enterDebug(DebugState.DFSR_DWTTRAP);
            return;
        }
        watchHit = false;
        int cost;
        try {
            if (!regs.thumb) {
                throw FAULT;
            }
            int hw = fetch16(pc);
            cost = executor.execute(pc, hw);
            if (debug.halted) {
                return; // BKPT entered Debug state: not retired
            }
        } catch (Fault f) {
            addCycles(1);
            raiseHardFault();
            return;
        }
        debug.retiredSinceRead = true;
        addCycles(cost);
        if (watchHit && debug.debugEnabled) {
            enterDebug(DebugState.DFSR_DWTTRAP);
        }
    }

    /** BKPT or FPB match: halts with debug enabled, else escalates to HardFault. */
    void debugEvent(int dfsrBits) {
        if (debug.debugEnabled) {
            enterDebug(dfsrBits);
        } else {
            raiseHardFault();
        }
    }

    private void addCycles(long n) {
        long before = cycles;
        cycles += n;
        clock.advance(cycles * 1_000_000_000L / CPU_HZ - before * 1_000_000_000L / CPU_HZ);
        if (sysTick.advance(n)) {
            exceptions.setPending(ExceptionState.SYSTICK, true);
        }
        for (ClockedDevice device : devices) {
            device.advance(n);
        }
        if (cycles >= cycleLimit && !debug.halted) {
            cycleLimitReached = true;
            debug.halted = true;
            debug.haltBit = true;
            sleeping = false;
        }
    }

    public int executionPriority() {
        int p = exceptions.activePriority();
        return regs.primask() ? Math.min(p, 0) : p;
    }

    private int exceptionToTake() {
        int e = exceptions.highestPending(debug.maskInts);
        return e != 0 && exceptions.priority(e) < executionPriority() ? e : 0;
    }

    /** WFI wakes on any pending exception of higher priority than the active ones (PRIMASK ignored). */
    private boolean wakeCondition() {
        int e = exceptions.highestPending(debug.maskInts);
        if (e != 0 && exceptions.priority(e) < exceptions.activePriority()) {
            return true;
        }
        return sleepingForEvent && eventRegister;
    }

    void raiseHardFault() {
        int priority = executionPriority();
        if (priority < 0) {
            enterLockup(priority);
        } else {
            exceptions.setPending(ExceptionState.HARD_FAULT, true);
        }
    }

    /** Lockup at {@code priority} (-1 HardFault, -2 NMI, -3 reset): the core stops at 0xFFFFFFFE. */
    void enterLockup(int priority) {
        lockedUp = true;
        lockupPriority = priority;
        sleeping = false;
        regs.setPc(LOCKUP_ADDRESS);
    }

    /** ARMv6-M: a lockup at HardFault priority ends when an NMI is taken. */
    private boolean nmiEndsLockup() {
        return lockupPriority == exceptions.priority(ExceptionState.HARD_FAULT)
                && exceptions.isPending(ExceptionState.NMI);
    }

    /** BX or POP {PC} with an EXC_RETURN value in Handler mode. */
    void exceptionReturn(int excReturn) {
        exceptionEntry.returnFrom(excReturn);
    }

    // ---- hooks for ExceptionEntry ----

    MemoryPort bus() {
        return bus;
    }

    void setEventRegister() {
        eventRegister = true;
    }

    void sleepOnExitIfEnabled() {
        if ((scr & 2) != 0) {
            sleeping = true;
            sleepingForEvent = false;
        }
    }

    void chargeCycles(long n) {
        addCycles(n);
    }

    // ---- hooks for instructions ----

    void waitForInterrupt() {
        sleeping = true;
        sleepingForEvent = false;
    }

    void waitForEvent() {
        if (eventRegister) {
            eventRegister = false;
        } else {
            sleeping = true;
            sleepingForEvent = true;
        }
    }

    void sendEvent() {
        eventRegister = true;
    }

    // ---- memory access for instructions ----

    int fetch16(int address) {
        try {
            return bus.read(address, AccessSize.HALFWORD);
        } catch (BusFault e) {
            throw FAULT;
        }
    }

    int read(int address, AccessSize size) {
        if ((address & (size.bytes() - 1)) != 0) {
            throw FAULT;
        }
        try {
            int value = bus.read(address, size);
            watchHit |= comparators.dataMatch(address, size.bytes(), false);
            return value;
        } catch (BusFault e) {
            throw FAULT;
        }
    }

    void write(int address, AccessSize size, int value) {
        if ((address & (size.bytes() - 1)) != 0) {
            throw FAULT;
        }
        try {
            bus.write(address, size, value & size.mask());
            watchHit |= comparators.dataMatch(address, size.bytes(), true);
        } catch (BusFault e) {
            throw FAULT;
        }
    }
}
