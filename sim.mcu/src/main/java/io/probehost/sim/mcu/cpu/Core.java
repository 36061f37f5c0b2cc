package io.probehost.sim.mcu.cpu;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.mcu.bus.DirectRegion;

/**
 * An ARMv6-M (Cortex-M0) or ARMv7-M (Cortex-M3) core, chosen by its {@link Profile}: executes one
 * instruction or exception entry per {@link #step()}.
 * Not thread-safe by itself; the owner serialises all calls (see {@link CoreRunner}).
 */
public final class Core implements CoreRunner.Steppable {
    /** The Cortex-M0 clock of the nRF51822, the default. */
    public static final int CPU_HZ = 16_000_000;
    public static final int LOCKUP_ADDRESS = 0xFFFF_FFFE;
    private static final int STIR = 0xE000_EF00;
    private static final int STIMULUS_PORTS_END = 0xE000_0080;
    /** Cycle counts up to this advance the clock without a division (see {@link #advanceClock}). */
    private static final long SMALL_CYCLE_COUNT = 64;

    /** Thrown inside an instruction on a synchronous fault; becomes a HardFault (or lockup). */
    static final class Fault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Fault() {
            super(null, null, false, false);
        }
    }

    static final Fault FAULT = new Fault();

    final Profile profile;
    final boolean armv7m;
    final Registers regs;
    final ExceptionState exceptions;
    final ControlRegisters control;
    final SysTick sysTick = new SysTick();
    final DebugState debug = new DebugState();
    private final MemoryPort bus;
    private final DirectAccess direct;
    private final VirtualClock clock;
    private final long cpuHz;
    /** 1e9 / cpuHz and 1e9 mod cpuHz: a cycle's whole nanoseconds and the cpuHz-ths of one left over. */
    private final long nanosPerCycle;
    private final long remainderPerCycle;
    private final ThumbExecutor executor;
    private final Blocks blocks;
    private final ExceptionEntry exceptionEntry;
    private final DebugEvents debugEvents;
    private DebugComparators comparators = DebugComparators.NONE;
    private ClockedDevice[] devices = new ClockedDevice[0];
    private Runnable peripheralReset = () -> { };
    private java.util.function.IntPredicate unprivilegedStimulusPorts = address -> false;

    private long cycles;
    /** cycles * 1e9 mod cpuHz: the part of a nanosecond not yet given to the virtual clock. */
    private long clockRemainder;
    /**
     * The {@link #cycles} given to the virtual clock so far. Less than {@link #cycles} only inside an
     * unbounded {@link #run}, which hands the rest over before anything can read the clock (a bus
     * access other than to RAM or flash read in place, a look at which memory is direct, a clocked
     * device) and when it returns. The clock gets the same nanoseconds either way:
     * {@link #advanceClock} is exact for any split.
     */
    private long clockedCycles;
    /**
     * While {@link #cycles} stays below this, counting an instruction's cycles is all
     * {@link #addCycles} has to do: set by {@link #runQuietly} while the clock is told late, to the
     * cycle limit or, if sooner, to where SysTick would reach zero or a clocked device would raise
     * its interrupt; {@link Long#MIN_VALUE} otherwise, and again (by {@link #endCountingOnly})
     * at every bus access (which may read or start SysTick) and at the end of the run.
     */
    private long countOnlyBelow = Long.MIN_VALUE;
    /** The {@link #cycles} SysTick and the clocked devices have been given, while {@link #countOnlyBelow} holds them back. */
    private long sysTickCountedTo;
    /** Inside a {@link #runQuietly} run: the shortcut starts again after it ends. */
    private boolean countOnlyInRun;
    private boolean deferClock;
    /** A run bounded by the clock ends before the step that would start at this cycle count (see {@link #runQuietlyUntil}). */
    private long runStopCycles = Long.MAX_VALUE;
    /**
     * Set by everything that could make the next step not {@link #quiet()}: an exception becoming
     * pending, Debug state, lockup, sleep, a reset request, a fault, a BKPT, an exception return,
     * and every bus access that is not in place (the SCS, DEMCR, the FPB and the peripherals are
     * reached only that way). A run of quiet steps ({@link #runQuietly}) clears it and stops when it
     * is set, so {@link #quiet()} is looked at again only then.
     */
    private boolean quietEnded;
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
    /** The local exclusive monitor: open after LDREX until STREX, CLREX, exception entry or return. */
    private boolean exclusiveOpen;
    private int exclusiveAddress;
    /** The configurable fault (and its CFSR bits) the instruction being executed raised, 0 if none. */
    private int faultException;
    private int faultStatus;

    public Core(MemoryPort bus, VirtualClock clock) {
        this(bus, clock, Profile.ARMV6M);
    }

    public Core(MemoryPort bus, VirtualClock clock, Profile profile) {
        this(bus, clock, profile, CPU_HZ);
    }

    /** A core whose cycles advance {@code clock} at {@code cpuHz} (72 MHz for an STM32F103). */
    public Core(MemoryPort bus, VirtualClock clock, Profile profile, long cpuHz) {
        this.bus = bus;
        this.direct = new DirectAccess(bus, this::syncClock);
        this.clock = clock;
        this.cpuHz = cpuHz;
        this.nanosPerCycle = 1_000_000_000L / cpuHz;
        this.remainderPerCycle = 1_000_000_000L % cpuHz;
        this.profile = profile;
        this.armv7m = profile == Profile.ARMV7M;
        this.regs = new Registers(profile);
        this.exceptions = new ExceptionState(profile);
        this.control = new ControlRegisters(profile, exceptions);
        this.executor = new ThumbExecutor(this);
        this.blocks = new Blocks(executor.decoded(), this::endQuiet);
        exceptions.setPendingListener(this::endQuiet);
        this.exceptionEntry = new ExceptionEntry(this);
        this.debugEvents = new DebugEvents(this);
        if (armv7m) {
            debug.enableArmv7mCatches();
        }
        debug.powerOnReset();
    }

    public Profile profile() {
        return profile;
    }

    public void setComparators(DebugComparators comparators) {
        this.comparators = comparators;
    }

    /** Which ITM stimulus port addresses unprivileged code may access (ITM_TPR); none by default. */
    public void setUnprivilegedStimulusPorts(java.util.function.IntPredicate allowed) {
        this.unprivilegedStimulusPorts = allowed;
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

    /** CCR, SHCSR, CFSR, HFSR, BFAR, AIRCR.PRIGROUP and VTOR: what the SCS reads and writes. */
    public ControlRegisters controlRegisters() {
        return control;
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

    void openExclusive(int address) {
        exclusiveOpen = true;
        exclusiveAddress = address;
    }

    boolean exclusiveOpenAt(int address) {
        return exclusiveOpen && exclusiveAddress == address;
    }

    void clearExclusive() {
        exclusiveOpen = false;
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
    @Override
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
        endQuiet();
        if (executing) {
            resetRequested = true;
        } else {
            systemReset();
        }
    }

    /**
     * A Local reset: the core and the peripherals. Of the debug logic it touches only DHCSR: S_RESET_ST
     * sets and C_HALT clears (DHCSR is in the power-on domain except C_HALT, which every core reset
     * clears), so a core halted when the reset comes, on a BKPT say, leaves reset running unless
     * DEMCR.VC_CORERESET catches it. C_DEBUGEN, C_MASKINTS, DEMCR, DFSR, the FPB and the DWT keep
     * their values until a power-on reset.
     */
    private void systemReset() {
        debug.haltBit = false;
        leaveReset();
    }

    /**
     * Out of reset: fetches the vectors; then a reset vector catch, or a halt requested while the
     * reset was held, halts the core.
     */
    private void leaveReset() {
        peripheralReset.run();
        regs.reset();
        exceptions.reset();
        sysTick.reset();
        scr = 0;
        control.reset();
        exclusiveOpen = false;
        faultException = 0;
        sleeping = false;
        eventRegister = false;
        lockedUp = false;
        debug.halted = false;
        debug.resetSinceRead = true;
        if (resetHeld) {
            return;
        }
        syncClock();
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
        endQuiet();
        if (held) {
            peripheralReset.run();
            lockedUp = false;
            debug.halted = false;
            debug.haltBit = false;
            debug.resetSinceRead = true;
        } else {
            leaveReset();
        }
    }

    // ---- debug state ----

    /**
     * Enters Debug state with the given DFSR reason bits. Entering Debug state ends a lockup
     * (ARMv6-M C1.5): S_LOCKUP reads 0 from then on, while the PC keeps the lockup address
     * 0xFFFFFFFE, so resuming without writing the PC faults and locks up again.
     */
    public void enterDebug(int dfsrBits) {
        endQuiet();
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

    @Override
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
            endStep();
        }
    }

    /** A system reset requested while the step executed happens now, between instructions. */
    private void endStep() {
        executing = false;
        if (resetRequested) {
            resetRequested = false;
            systemReset();
        }
    }

    /**
     * True while a step can only execute the next instruction and nothing checked before one could
     * act: the core runs (not halted, held in reset, locked up or asleep), no exception is pending,
     * the FPB is disabled, and neither the DWT nor MON_STEP is enabled.
     */
    private boolean quiet() {
        return !(debug.halted || resetHeld || lockedUp || sleeping) && !exceptions.anyPending()
                && (debug.demcr & (DebugState.DEMCR_DWTENA | DebugState.DEMCR_MON_STEP)) == 0
                && !comparators.breakpointsEnabled();
    }

    /**
     * At most {@code maxSteps} (at least one) quiet steps, the first while {@link #quiet()}: as many
     * {@link #step()} calls checking {@link #quiet()} before each would (a quiet step executes the
     * next instruction without the checks that cannot act), stopping when {@link #quietEnded} says
     * it may no longer hold, or before the step that would start at {@link #runStopCycles}.
     * The clock is told late ({@link #deferClock}).
     */
    private int runQuietly(int maxSteps) {
        DirectRegion code = codeRegion(regs.pc());
        quietEnded = false;
        executing = true;
        countOnlyInRun = true;
        startCountingOnly();
        int steps = 0;
        boolean atBlockStart = true;
        int blockEnd = 0;
        try {
            do {
                int pc = regs.pc();
                if (atBlockStart && code != null && blockMayStart(pc, code)) {
                    Block block = blocks.at(pc, code);
                    atBlockStart = false;
                    blockEnd = block.lastPc();
                    CompiledBlock compiled = blocks.compiledOnceHot(block);
                    if (compiled != null && maxSteps - steps >= block.count()
                            && countOnlyBelow - cycles > (long) block.count() * Block.MAX_CYCLES_PER_INSTRUCTION) {
                        steps += runBlock(block, compiled);
                        atBlockStart = block.branches();
                        continue;
                    }
                }
                long pair = code != null ? code.readWordIfCovered(pc, NO_PAIR) : NO_PAIR;
                if (pair == NO_PAIR) {
                    code = codeRegion(pc);
                    pair = code != null ? code.readWordIfCovered(pc, NO_PAIR) : NO_PAIR;
                }
                executeInstruction(pc, pair);
                steps++;
                atBlockStart = atBlockStart || pc == blockEnd;
            } while (!quietEnded && steps < maxSteps && cycles < runStopCycles);
        } finally {
            countOnlyInRun = false;
            endCountingOnly(cycles);
            endStep(); // a reset requested by an instruction ends the run (the request goes through the bus)
        }
        return steps;
    }

    /**
     * {@link #runQuietly} in a run bounded by the clock (lockstep): stops before the first step the
     * clock, then at or past {@code untilNanos}, would not let start, as the step loop of
     * {@link #run} does. The clock is told late inside, as in an unbounded run, and is up to date
     * again on return.
     */
    private int runQuietlyUntil(int maxSteps, long untilNanos) {
        handOverCycles();
        runStopCycles = cycles + cyclesUntilClockReaches(untilNanos);
        deferClock = true;
        try {
            return runQuietly(maxSteps);
        } finally {
            runStopCycles = Long.MAX_VALUE;
            deferClock = false;
            handOverCycles();
        }
    }

    /**
     * The fewest cycles after which the clock, up to date now and earlier than {@code untilNanos},
     * reads at least {@code untilNanos}, at most a second's worth: after k cycles it has advanced by
     * floor((clockRemainder + k * 1e9) / cpuHz) (see {@link #advanceClock}).
     */
    private long cyclesUntilClockReaches(long untilNanos) {
        long gap = Math.min(untilNanos - clock.nowNanos(), 1_000_000_000L);
        long numerator = gap * cpuHz - clockRemainder;
        return (numerator + 999_999_999L) / 1_000_000_000L;
    }

    /**
     * Whether a {@link Block} may run from {@code pc} in the held code region: outside an IT block,
     * in Thumb state, executable (a block never leaves the region it was built in).
     */
    private boolean blockMayStart(int pc, DirectRegion code) {
        return regs.itState == 0 && regs.thumb && code.covers(pc, 2) && !(armv7m && executeNever(pc));
    }

    /**
     * Runs a compiled block as as many quiet steps would; returns the steps taken. A fault is taken
     * as {@link #executeInstruction} takes it, at the instruction that raised it.
     */
    private int runBlock(Block block, CompiledBlock compiled) {
        try {
            int steps = compiled.run(executor, regs, this);
            if (steps == block.count()) {
                debug.retiredSinceRead = true;
            }
            return steps;
        } catch (Fault f) {
            int faulted = block.faultedAt(regs.pc());
            if (faulted > 0) {
                debug.retiredSinceRead = true;
            }
            addCycles(1);
            raiseSynchronousFault();
            return faulted + 1;
        }
    }

    /** A block's instruction retired in {@code n} cycles: below {@link #countOnlyBelow}, which its start made sure of. */
    void countCycles(int n) {
        cycles += n;
    }

    /**
     * A block's instruction that took {@code cost} cycles ended the quiet run: finishes it as
     * {@link #executeInstruction} would (a halt it caused keeps it from retiring) and returns the
     * steps the block took, {@code executed}, with the PC at {@code nextPc}.
     */
    int leaveBlock(int cost, int nextPc, int executed) {
        regs.setPc(nextPc);
        if (debug.halted) {
            if (executed > 1) {
                debug.retiredSinceRead = true;
            }
            return executed;
        }
        debug.retiredSinceRead = true;
        addCycles(cost);
        return executed;
    }

    /**
     * Compiles a block once it has been reached {@code runs} times (1: at once) instead of
     * {@link Block#HOT} times: for tests and judges, so that short programs run compiled blocks.
     */
    public void compileBlocksAfter(int runs) {
        blocks.compileAfter(runs);
    }

    /** Blocks compiled so far. */
    public int compiledBlocks() {
        return blocks.compiledCount();
    }

    /** See {@link #quietEnded}: a block stops after an instruction that set it. */
    boolean quietEnded() {
        return quietEnded;
    }

    /**
     * The direct region to fetch both halfwords at {@code pc} from in place, null if none or if the
     * FPB remaps fetches. Within one {@link #runQuietly} run it stays right: which regions are
     * direct and what the FPB remaps change only by bus accesses that end the run.
     */
    private DirectRegion codeRegion(int pc) {
        return comparators.remapping() ? null : direct.forFetch(pc, 4);
    }

    /** Something happened that {@link #quiet()} must judge again before the next step. */
    private void endQuiet() {
        quietEnded = true;
    }

    /**
     * Steps at most {@code maxSteps} times while the core {@link #canRun()} and its clock reads
     * earlier than {@code untilNanos}, exactly as as many {@link #step()} calls checking both before
     * each would. Without a bound ({@code Long.MAX_VALUE}) the clock only learns of the time
     * executed when something could read it.
     * {@code sameClock} must be the clock this core was built with.
     */
    @Override
    public int run(int maxSteps, VirtualClock sameClock, long untilNanos) {
        boolean bounded = untilNanos != Long.MAX_VALUE;
        deferClock = !bounded;
        int steps = 0;
        try {
            while (steps < maxSteps && (!bounded || clock.nowNanos() < untilNanos)) {
                if (quiet()) {
                    steps += bounded ? runQuietlyUntil(maxSteps - steps, untilNanos) : runQuietly(maxSteps - steps);
                } else if (canRun()) {
                    step();
                    steps++;
                } else {
                    break;
                }
            }
        } finally {
            deferClock = false;
            syncClock();
        }
        return steps;
    }

    /** Steps at most {@code maxSteps} times while the core {@link #canRun()}; see {@link #run(int, VirtualClock, long)}. */
    public int run(int maxSteps) {
        return run(maxSteps, clock, Long.MAX_VALUE);
    }

    /**
     * Gives the virtual clock the cycles {@link #run} has kept back before a bus access or a look at
     * which memory is direct, either of which may change what {@link #quiet()} says or start SysTick.
     */
    private void syncClock() {
        endQuiet();
        endCountingOnly(cycles);
        handOverCycles();
    }

    /**
     * Starts {@link #countOnlyBelow}'s shortcut: up to the cycle limit, or to where SysTick would
     * reach zero or a clocked device raise its interrupt if sooner (a device is told the time it
     * reads from the clock at the instruction reaching that bound, and at every bus access before).
     */
    private void startCountingOnly() {
        long limit = Math.min(cycleLimit, runStopCycles);
        long below = sysTick.running() ? Math.min(limit, cycles + sysTick.cyclesToZero()) : limit;
        if (devices.length != 0) {
            handOverCycles(); // a device reads the clock
            for (ClockedDevice device : devices) {
                long untilInterrupt = device.cyclesUntilInterrupt();
                if (untilInterrupt > 0) {
                    below = Math.min(below, cycles + untilInterrupt);
                }
            }
        }
        countOnlyBelow = below;
        sysTickCountedTo = cycles;
    }

    /**
     * Ends {@link #countOnlyBelow}'s shortcut, if on: SysTick and the clocked devices get the
     * cycles up to {@code upTo} they were not given, fewer than make SysTick reach zero (so only its
     * current value counts down) or a device raise its interrupt.
     */
    private void endCountingOnly(long upTo) {
        if (countOnlyBelow != Long.MIN_VALUE) {
            countOnlyBelow = Long.MIN_VALUE;
            long held = upTo - sysTickCountedTo;
            sysTick.advance(held);
            if (devices.length != 0 && held > 0) {
                handOverCycles();
                for (ClockedDevice device : devices) {
                    device.advance(held);
                }
            }
        }
    }

    /** Gives the virtual clock the cycles {@link #run} has kept back. */
    private void handOverCycles() {
        long n = cycles - clockedCycles;
        if (n != 0) {
            clockedCycles = cycles;
            advanceClock(n);
        }
    }

    private void executeOne() {
        int pc = regs.pc();
        if (comparators.breakpointAt(pc)) {
            debugEvent(DebugState.DFSR_BKPT);
            return;
        }
        if (debug.dwtEnabled() && comparators.pcMatchAt(pc) && debugEvents.watchpoint()) {
            return;
        }
        // MON_STEP steps code the monitor can preempt, judged before the instruction (a return from the monitor is not stepped)
        boolean monitorStep = (debug.demcr & DebugState.DEMCR_MON_STEP) != 0 && debugEvents.monitorCanPreempt();
        if (executeInstruction(pc) && monitorStep) {
            debugEvents.monitor(DebugState.DFSR_HALTED);
        }
    }

    /** Fetches and executes the instruction at {@code pc}; returns true if it retired (no fault, no halt on BKPT). */
    private boolean executeInstruction(int pc) {
        return executeInstruction(pc, NO_PAIR);
    }

    /**
     * {@link #executeInstruction(int)} with both halfwords at {@code pc} already read in place
     * from the held code region (see {@link #codeRegion}), or {@link #NO_PAIR} to fetch them as
     * {@link #fetchPair} does. The read has no effect the core could see, so doing it before the
     * Thumb and execute-never checks changes nothing.
     */
    private boolean executeInstruction(int pc, long heldPair) {
        watchHit = false;
        int cost;
        try {
            if (!regs.thumb) {
                throw fault(ExceptionState.USAGE_FAULT, ControlRegisters.CFSR_INVSTATE);
            }
            if (armv7m && executeNever(pc)) {
                throw fault(ExceptionState.MEM_MANAGE, ControlRegisters.CFSR_IACCVIOL);
            }
            long pair = heldPair != NO_PAIR ? heldPair : fetchPair(pc);
            int hw = pair != NO_PAIR ? (int) pair & 0xFFFF : fetch16(pc);
            cost = executor.execute(pc, hw, pair);
            if (debug.halted) {
                return false; // BKPT entered Debug state: not retired
            }
        } catch (Fault f) {
            addCycles(1);
            raiseSynchronousFault();
            return false;
        }
        debug.retiredSinceRead = true;
        addCycles(cost);
        if (watchHit) {
            debugEvents.watchpoint();
        }
        return true;
    }

    /** The ARMv7-M default memory map's execute-never regions: peripherals, devices and the system space. */
    private static boolean executeNever(int pc) {
        return (pc >>> 29) == 2 || Integer.compareUnsigned(pc, 0xA000_0000) >= 0;
    }

    /** BKPT or FPB match: see {@link DebugEvents#breakpoint}. */
    void debugEvent(int dfsrBits) {
        endQuiet();
        debugEvents.breakpoint(dfsrBits);
    }

    /**
     * Advances the virtual clock by {@code n} cycles at {@link #cpuHz}, exactly: the nanoseconds
     * it has been given always equal floor(cycles * 1e9 / cpuHz), with the remainder kept in
     * {@link #clockRemainder} (no overflow for any cycle count). An instruction's few cycles take no
     * division: each adds {@link #nanosPerCycle} and {@link #remainderPerCycle}, carried by subtraction.
     */
    private void advanceClock(long n) {
        if (n <= SMALL_CYCLE_COUNT) {
            long nanos = n * nanosPerCycle;
            long remainder = clockRemainder + n * remainderPerCycle;
            while (remainder >= cpuHz) {
                remainder -= cpuHz;
                nanos++;
            }
            clockRemainder = remainder;
            clock.advance(nanos);
            return;
        }
        long whole = 0;
        long numerator = clockRemainder;
        if (n < cpuHz) {
            numerator += n * 1_000_000_000L;
        } else {
            whole = n / cpuHz * 1_000_000_000L;
            numerator += n % cpuHz * 1_000_000_000L;
        }
        long nanos = numerator / cpuHz;
        clockRemainder = numerator - nanos * cpuHz;
        clock.advance(whole + nanos);
    }

    private void addCycles(long n) {
        cycles += n;
        if (cycles < countOnlyBelow) {
            return;
        }
        endCountingOnly(cycles - n);
        if (!deferClock) {
            clockedCycles = cycles;
            advanceClock(n);
        }
        if (sysTick.advance(n)) {
            exceptions.setPending(ExceptionState.SYSTICK, true);
        }
        if (devices.length != 0) {
            handOverCycles(); // a device's interrupt ends a quiet run by pending
            for (ClockedDevice device : devices) {
                device.advance(n);
            }
        }
        if (cycles >= cycleLimit && !debug.halted) {
            endQuiet();
            cycleLimitReached = true;
            debug.halted = true;
            debug.haltBit = true;
            sleeping = false;
        }
        if (countOnlyInRun) {
            startCountingOnly(); // after SysTick reached zero, up to where it next does
        }
    }

    /**
     * The priority an exception must beat to preempt. ARMv7-M counts only the group priority of
     * the active exceptions and of BASEPRI (ExecutionPriority() in the ARMv7-M pseudocode); with
     * PRIGROUP 0 and the Cortex-M0's two priority bits the two rules agree.
     */
    public int executionPriority() {
        int p = exceptions.activePriority();
        if (!armv7m) {
            return regs.primask() ? Math.min(p, 0) : p;
        }
        if (p != ExceptionState.NO_BOOST) {
            p = control.groupPriority(p);
        }
        if (regs.basepri() != 0) {
            p = Math.min(p, control.groupPriority(regs.basepri()));
        }
        if (regs.primask()) {
            p = Math.min(p, 0);
        }
        return regs.faultmask() ? Math.min(p, -1) : p;
    }

    /** The pending exception that preempts the execution priority now, or 0. */
    int exceptionToTake() {
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

    /**
     * Records why the current instruction faults and returns the exception to throw. ARMv6-M
     * ignores the kind: every fault is a HardFault there.
     */
    Fault fault(int exception, int cfsrBits) {
        endQuiet();
        faultException = exception;
        faultStatus = cfsrBits;
        return FAULT;
    }

    /**
     * ARMv7-M: a configurable fault is taken when SHCSR enables it and its priority can preempt,
     * else it escalates to HardFault with HFSR.FORCED; CFSR records the cause either way.
     */
    private void raiseSynchronousFault() {
        int exception = faultException;
        faultException = 0;
        raiseFault(exception, faultStatus);
    }

    /** Raises configurable fault {@code exception} with its CFSR bits, escalating as {@link #raiseSynchronousFault()}. */
    void raiseFault(int exception, int cfsrBits) {
        if (!armv7m || exception == 0) {
            raiseHardFault();
            return;
        }
        control.recordCfsr(cfsrBits);
        if (control.faultEnabled(exception) && exceptions.priority(exception) < executionPriority()) {
            exceptions.setPending(exception, true);
        } else {
            control.recordHfsr(ControlRegisters.HFSR_FORCED);
            raiseHardFault();
        }
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
        endQuiet();
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
        endQuiet();
        exceptionEntry.returnFrom(excReturn);
    }

    // ---- hooks for ExceptionEntry ----

    MemoryPort bus() {
        syncClock();
        return bus;
    }

    void setEventRegister() {
        eventRegister = true;
    }

    void sleepOnExitIfEnabled() {
        if ((scr & 2) != 0) {
            endQuiet();
            sleeping = true;
            sleepingForEvent = false;
        }
    }

    void chargeCycles(long n) {
        addCycles(n);
    }

    // ---- hooks for instructions ----

    void waitForInterrupt() {
        endQuiet();
        sleeping = true;
        sleepingForEvent = false;
    }

    void waitForEvent() {
        endQuiet();
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

    /** {@link #fetchPair} could not read both halfwords in place. */
    static final long NO_PAIR = -1;

    /**
     * The halfwords at {@code pc} and {@code pc + 2} ({@code hw1 | hw2 << 16}, zero-extended) when
     * both are read in place from one direct region and the FPB remaps no instruction fetch, else
     * {@link #NO_PAIR}: then each halfword is fetched by {@link #fetch16} (remap, bus, stall, fault).
     * Reading the second halfword of a 16-bit instruction this way has no effect the core could see.
     */
    long fetchPair(int pc) {
        if (comparators.remapping()) {
            return NO_PAIR;
        }
        DirectRegion region = direct.forFetch(pc, 4);
        return region != null ? region.readWord(pc) & 0xFFFF_FFFFL : NO_PAIR;
    }

    int fetch16(int address) {
        int mapped = (address >>> 29) == 0 ? comparators.remap(address, true) : address;
        DirectRegion region = direct.forFetch(mapped, 2);
        if (region != null) {
            return region.readHalfword(mapped);
        }
        syncClock();
        try {
            return bus.read(mapped, AccessSize.HALFWORD);
        } catch (BusFault e) {
            throw fault(ExceptionState.BUS_FAULT, ControlRegisters.CFSR_IBUSERR);
        }
    }

    /**
     * A load by LDR, LDRH or their signed forms: ARMv7-M performs a misaligned one (as bytes)
     * unless CCR.UNALIGN_TRP is set; ARMv6-M always faults.
     */
    int read(int address, AccessSize size) {
        if ((address & (size.bytes() - 1)) != 0) {
            if (!armv7m || (control.ccr() & ControlRegisters.CCR_UNALIGN_TRP) != 0) {
                throw fault(ExceptionState.USAGE_FAULT, ControlRegisters.CFSR_UNALIGNED);
            }
            int value = 0;
            for (int i = 0; i < size.bytes(); i++) {
                value |= readAligned(address + i, AccessSize.BYTE) << (8 * i);
            }
            return value;
        }
        return readAligned(address, size);
    }

    /** A load that must be aligned on every profile (LDM, POP, LDRD, LDREX, exception frames). */
    int readAligned(int address, AccessSize size) {
        if ((address & (size.bytes() - 1)) != 0) {
            throw fault(ExceptionState.USAGE_FAULT, ControlRegisters.CFSR_UNALIGNED);
        }
        if ((address >>> 20) == 0xE00 && !regs.privileged() && !unprivilegedAccessAllowed(address)) {
            throw unprivilegedSystemAccess(address);
        }
        int mapped = (address >>> 29) == 0 ? comparators.remap(address, false) : address;
        DirectRegion region = direct.forRead(mapped, size.bytes());
        if (region != null) {
            int value = region.read(mapped, size);
            watchHit |= debug.dwtEnabled() && comparators.dataMatch(address, size.bytes(), false);
            return value;
        }
        return readThroughBus(address, mapped, size);
    }

    /** {@code mapped} is {@code address} after the FPB's remap, which applies to the code region only. */
    private int readThroughBus(int address, int mapped, AccessSize size) {
        syncClock();
        try {
            int value = bus.read(mapped, size);
            watchHit |= debug.dwtEnabled() && comparators.dataMatch(address, size.bytes(), false);
            return value;
        } catch (BusFault e) {
            if (busFaultIgnored()) {
                return 0; // UNKNOWN
            }
            control.writeBfar(address);
            throw fault(ExceptionState.BUS_FAULT, ControlRegisters.CFSR_PRECISERR | ControlRegisters.CFSR_BFARVALID);
        }
    }

    /** CCR.BFHFNMIGN (ARMv7-M): precise data bus errors at execution priority -1 or -2 are ignored. */
    private boolean busFaultIgnored() {
        return (control.ccr() & ControlRegisters.CCR_BFHFNMIGN) != 0 && armv7m && executionPriority() < 0;
    }

    /**
     * The Private Peripheral Bus addresses unprivileged code may use (ARMv7-M): STIR while
     * CCR.USERSETMPEND is set, and the ITM stimulus ports ITM_TPR leaves open.
     */
    private boolean unprivilegedAccessAllowed(int address) {
        if (address == STIR) {
            return (control.ccr() & ControlRegisters.CCR_USERSETMPEND) != 0;
        }
        return armv7m && Integer.compareUnsigned(address, STIMULUS_PORTS_END) < 0 && unprivilegedStimulusPorts.test(address);
    }

    /** Unprivileged code reaching the Private Peripheral Bus (SCS, debug units): a precise BusFault. */
    private Fault unprivilegedSystemAccess(int address) {
        control.writeBfar(address);
        return fault(ExceptionState.BUS_FAULT, ControlRegisters.CFSR_PRECISERR | ControlRegisters.CFSR_BFARVALID);
    }

    /** A store by STR or STRH; misaligned as {@link #read}. */
    void write(int address, AccessSize size, int value) {
        if ((address & (size.bytes() - 1)) != 0) {
            if (!armv7m || (control.ccr() & ControlRegisters.CCR_UNALIGN_TRP) != 0) {
                throw fault(ExceptionState.USAGE_FAULT, ControlRegisters.CFSR_UNALIGNED);
            }
            for (int i = 0; i < size.bytes(); i++) {
                writeAligned(address + i, AccessSize.BYTE, value >>> (8 * i));
            }
            return;
        }
        writeAligned(address, size, value);
    }

    /** A store that must be aligned on every profile (STM, PUSH, STRD, STREX). */
    void writeAligned(int address, AccessSize size, int value) {
        if ((address & (size.bytes() - 1)) != 0) {
            throw fault(ExceptionState.USAGE_FAULT, ControlRegisters.CFSR_UNALIGNED);
        }
        if ((address >>> 20) == 0xE00 && !regs.privileged() && !unprivilegedAccessAllowed(address)) {
            throw unprivilegedSystemAccess(address);
        }
        DirectRegion region = direct.forWrite(address, size.bytes());
        if (region != null) {
            region.write(address, size, value);
            watchHit |= debug.dwtEnabled() && comparators.dataMatch(address, size.bytes(), true);
            return;
        }
        writeThroughBus(address, size, value);
    }

    private void writeThroughBus(int address, AccessSize size, int value) {
        syncClock();
        try {
            bus.write(address, size, value & size.mask());
            watchHit |= debug.dwtEnabled() && comparators.dataMatch(address, size.bytes(), true);
        } catch (BusFault e) {
            if (busFaultIgnored()) {
                return;
            }
            control.writeBfar(address);
            throw fault(ExceptionState.BUS_FAULT, ControlRegisters.CFSR_PRECISERR | ControlRegisters.CFSR_BFARVALID);
        }
    }
}
