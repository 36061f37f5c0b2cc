package io.probehost.sim.riscv;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.mcu.VirtualClock;
import java.util.Arrays;

/**
 * One RV32IMAC hart in M-mode: registers, pc, CSRs, the LR/SC reservation, and the step loop with
 * trap entry (exceptions before interrupts are checked, interrupts between instructions). One
 * instruction takes one cycle of {@code clockHz} on the virtual clock. Not thread-safe: one thread
 * steps the hart; the owner serialises debugger access.
 */
public final class Hart {
    /** The GD32VF103's maximum core clock. */
    public static final long GD32VF103_CLOCK_HZ = 108_000_000L;
    /** Cycles the virtual clock may lag behind execution between {@link #run} slices. */
    private static final int CLOCK_BATCH_CYCLES = 1024;
    /** Triggers of a hart built without a count. */
    public static final int DEFAULT_TRIGGERS = 4;
    /** Where the hart fetches the program buffer from in Debug Mode (its loads and stores still go to the bus). */
    public static final int PROGRAM_BUFFER_ADDRESS = 0x0000_0300;
    private static final int EBREAK = 0x0010_0073;

    private final MemoryPort bus;
    private final VirtualClock clock;
    private final MisalignedAccess misaligned;
    private final long clockHz;
    private final ControlStatusRegisters csrs;
    private final Rv32Executor executor;
    private final DebugState debug;
    final TrapEntry traps;
    /** The program buffer (with its trailing ebreak) while the Debug Module has the hart execute it, else null. */
    private int[] programBuffer;
    final int[] x = new int[32];
    int pc;
    private int resetVector;
    boolean reservationValid;
    int reservationAddress;
    int reservationValue;
    private boolean waitingForInterrupt;
    private long pendingClockCycles;
    private long elapsedCycles;
    private long elapsedNanos;

    public Hart(MemoryPort bus, VirtualClock clock, MisalignedAccess misaligned, HartIdentity identity, long clockHz) {
        this(bus, clock, misaligned, identity, clockHz, DEFAULT_TRIGGERS);
    }

    /** As the other constructor, with {@code triggerCount} triggers in the Trigger Module. */
    public Hart(MemoryPort bus, VirtualClock clock, MisalignedAccess misaligned, HartIdentity identity, long clockHz,
            int triggerCount) {
        this.bus = bus;
        this.clock = clock;
        this.misaligned = misaligned;
        this.clockHz = clockHz;
        this.csrs = new ControlStatusRegisters(identity, triggerCount);
        this.debug = csrs.debug;
        this.traps = new TrapEntry(csrs, bus);
        this.executor = new Rv32Executor(this, csrs);
    }

    /**
     * Resets the hart: x1-x31 and CSRs to zero, pc to {@code resetVector}, no reservation, no
     * triggers; with a halt-on-reset request it enters Debug Mode before the first instruction.
     */
    public void reset(int resetVector) {
        this.resetVector = resetVector;
        Arrays.fill(x, 0);
        pc = resetVector;
        csrs.reset();
        reservationValid = false;
        waitingForInterrupt = false;
        if (debug.resetHaltRequest) {
            enterDebug(HaltCause.RESET_HALT_REQUEST, resetVector);
        }
    }

    // ---- Debug Mode, as the Debug Module drives it ----

    /** Whether the hart is in Debug Mode (halted). */
    public boolean halted() {
        return debug.halted;
    }

    /** Why the hart last entered Debug Mode ({@code dcsr.cause}), null if it has not since reset. */
    public HaltCause haltCause() {
        return debug.cause();
    }

    /** The Debug Module's halt request line: while set, the running hart enters Debug Mode before its next instruction. */
    public void setHaltRequest(boolean request) {
        debug.haltRequest = request;
    }

    /** The halt-on-reset request: the next reset ends in Debug Mode. */
    public void setResetHaltRequest(boolean request) {
        debug.resetHaltRequest = request;
    }

    public TriggerModule triggers() {
        return csrs.triggers;
    }

    /**
     * Leaves Debug Mode as {@code dret} does: pc = dpc; with {@code dcsr.step} the hart executes one
     * instruction (or enters one trap handler) and halts again with cause step.
     */
    public void resume() {
        if (!debug.halted) {
            return;
        }
        debug.halted = false;
        pc = debug.dpc;
        reservationValid = false;
    }

    /**
     * Executes the program buffer in Debug Mode from {@link #PROGRAM_BUFFER_ADDRESS}; {@code program}
     * is followed by an {@code ebreak} (the implicit one, or the debugger's own ends it earlier).
     * Returns true when an {@code ebreak} returned control to the Debug Module, false on an
     * exception (no CSR changes: the command fails) or when {@code maxInstructions} ran out. Counters
     * do not count; triggers and interrupts are off. A {@code dret} resumes the hart.
     */
    public boolean executeProgramBuffer(int[] program, long maxInstructions) {
        if (!debug.halted) {
            throw new IllegalStateException("the program buffer runs in Debug Mode only");
        }
        int savedPc = pc;
        programBuffer = Arrays.copyOf(program, program.length + 1);
        programBuffer[program.length] = EBREAK;
        pc = PROGRAM_BUFFER_ADDRESS;
        try {
            for (long i = 0; i < maxInstructions; i++) {
                try {
                    executor.execute(fetch(pc));
                } catch (DebugEntry e) {
                    return true;
                } catch (Trap e) {
                    return false;
                }
                if (!debug.halted) {
                    return true; // dret
                }
            }
            return false;
        } finally {
            programBuffer = null;
            if (debug.halted) {
                pc = savedPc;
            }
        }
    }

    /** Whether {@link #step} would do anything: not halted and not waiting for an interrupt. */
    public boolean canRun() {
        return !debug.halted && (debug.haltRequest || !(waitingForInterrupt && pendingInterrupts() == 0));
    }

    private void enterDebug(HaltCause cause, int resumePc) {
        debug.enter(cause, resumePc);
        waitingForInterrupt = false;
        reservationValid = false;
    }

    /** What an {@code ebreak} raises: entry into Debug Mode (with dcsr.ebreakm, or in Debug Mode) or a breakpoint trap. */
    Trap breakpoint() {
        if (debug.halted || debug.ebreakm()) {
            return new DebugEntry(HaltCause.EBREAK);
        }
        return new Trap(TrapCause.BREAKPOINT, 0);
    }

    /** {@code dret}: leaves Debug Mode; an illegal instruction outside it. */
    void debugReturn(int original) throws Trap {
        if (!debug.halted) {
            throw Rv32Executor.illegal(original);
        }
        resume();
    }

    /** A trigger on {@code kind} (TriggerModule.EXECUTE, LOAD, STORE) at {@code address} fires: a breakpoint trap or Debug Mode. */
    private void checkTrigger(int kind, int address) throws Trap {
        if (debug.halted) {
            return;
        }
        switch (csrs.triggers.match(kind, address)) {
            case DEBUG_MODE -> throw new DebugEntry(HaltCause.TRIGGER);
            case BREAKPOINT_EXCEPTION -> throw new Trap(TrapCause.BREAKPOINT, address);
            default -> { }
        }
    }

    public int resetVector() {
        return resetVector;
    }

    public int pc() {
        return pc;
    }

    public void setPc(int value) {
        pc = value & ~1;
    }

    /** x0 reads zero. */
    public int register(int index) {
        return x[index];
    }

    public void setRegister(int index, int value) {
        if (index != 0) {
            x[index] = value;
        }
    }

    public ControlStatusRegisters csrs() {
        return csrs;
    }

    /** A CSR as the core reads it, for a debugger; throws for an unknown CSR. */
    public int readCsr(int csr) {
        try {
            return csrs.read(csr, 0);
        } catch (Trap e) {
            throw new IllegalArgumentException(String.format("no CSR 0x%03X", csr), e);
        }
    }

    /**
     * A debugger's CSR write: the CSR's WARL rules apply; throws for an unknown or read-only CSR.
     */
    public void writeCsr(int csr, int value) {
        readCsr(csr);
        if (ControlStatusRegisters.readOnly(csr)) {
            throw new IllegalArgumentException(String.format("CSR 0x%03X is read-only", csr));
        }
        csrs.write(csr, value);
    }

    /** Drives an interrupt line (MSIP, MTIP or MEIP) into {@code mip}, and into the ECLIC's sources 3 and 7 if there is one. */
    public void setInterruptPending(TrapCause interrupt, boolean pending) {
        int bit = interrupt.pendingBit();
        csrs.interruptLines = pending ? csrs.interruptLines | bit : csrs.interruptLines & ~bit;
        if (csrs.eclic != null && interrupt != TrapCause.MACHINE_EXTERNAL_INTERRUPT) {
            csrs.eclic.setLine(interrupt.code(), pending);
        }
    }

    /**
     * Gives the hart a Bumblebee ECLIC: mtvec mode 3 then selects ECLIC mode (interrupts from the
     * ECLIC, vectored through mtvt or not through mtvt2/mtvec; mcause with MPIL/MPIE/MPP; the
     * mtvt, mtvt2, mintstatus, msubm, mmisc_ctl, push* and jalmnxti CSRs).
     */
    public void attachEclic(Eclic eclic) {
        csrs.eclic = eclic;
    }

    /** Whether {@code interrupt} is enabled (mie, or the ECLIC's clicintie in ECLIC mode): could it end a WFI. */
    public boolean interruptEnabled(TrapCause interrupt) {
        return csrs.eclicMode() ? csrs.eclic.enabled(interrupt.code()) : (csrs.mie & interrupt.pendingBit()) != 0;
    }

    /**
     * Non-zero when an interrupt is pending and enabled (whatever mstatus.MIE): in CLINT mode the
     * mip & mie bits, in ECLIC mode the selected source + 1.
     */
    private int pendingInterrupts() {
        if (csrs.eclicMode()) {
            return csrs.eclic.select(csrs.interruptLevel) + 1;
        }
        return csrs.mip() & csrs.mie;
    }

    /** True after WFI until an interrupt is pending and enabled in {@code mie} (whatever mstatus.MIE). */
    public boolean waitingForInterrupt() {
        return waitingForInterrupt;
    }

    public long cycles() {
        return csrs.mcycle;
    }

    public long instructionsRetired() {
        return csrs.minstret;
    }

    /** Brings the virtual clock up to date with the cycles executed so far (step() batches it). */
    public void syncClock() {
        flushClock();
    }

    /**
     * Executes up to {@code maxInstructions} instructions (or trap entries); stops early while
     * waiting for an interrupt. Returns how many steps were taken.
     */
    public long run(long maxInstructions) {
        long steps = 0;
        while (steps < maxInstructions && canRun()) {
            step();
            steps++;
        }
        flushClock();
        return steps;
    }

    /**
     * One instruction, or the entry into a pending interrupt's handler, or nothing while in WFI or
     * Debug Mode; a pending halt request enters Debug Mode instead. With {@code dcsr.step} the hart
     * halts again after it (interrupts stay off unless {@code dcsr.stepie}).
     */
    public void step() {
        if (debug.halted) {
            return;
        }
        if (debug.haltRequest) {
            enterDebug(HaltCause.HALT_REQUEST, pc);
            return;
        }
        boolean stepping = debug.step();
        int pendingEnabled = stepping && !debug.stepInterruptsEnabled() ? 0 : pendingInterrupts();
        if (waitingForInterrupt) {
            if (pendingEnabled == 0 && !stepping) {
                return;
            }
            waitingForInterrupt = false;
        }
        int instructionPc = pc;
        if (pendingEnabled != 0 && (csrs.mstatus & ControlStatusRegisters.MSTATUS_MIE) != 0) {
            pc = csrs.eclicMode() ? traps.enterEclicInterrupt(pendingEnabled - 1, pc)
                    : traps.enterTrap(TrapEntry.highestPriority(pendingEnabled), 0, pc);
            tick(0);
        } else {
            try {
                checkTrigger(TriggerModule.EXECUTE, instructionPc);
                executor.execute(fetch(instructionPc));
                tick(1);
            } catch (DebugEntry e) {
                enterDebug(e.haltCause(), instructionPc);
                tick(0);
                return;
            } catch (Trap trap) {
                pc = traps.enterTrap(trap.cause(), trap.tval(), instructionPc);
                tick(0);
            }
        }
        if (stepping && !debug.halted) {
            enterDebug(HaltCause.STEP, pc);
        }
    }


    private void tick(int retired) {
        csrs.count(retired);
        pendingClockCycles++;
        if (pendingClockCycles >= CLOCK_BATCH_CYCLES) {
            flushClock();
        }
    }

    private void flushClock() {
        if (pendingClockCycles > 0) {
            elapsedCycles += pendingClockCycles;
            pendingClockCycles = 0;
            long nanos = (long) (elapsedCycles * (1_000_000_000.0 / clockHz));
            clock.advance(nanos - elapsedNanos);
            elapsedNanos = nanos;
        }
    }

    /** WFI; a no-op while single-stepping or in Debug Mode. */
    void waitForInterrupt() {
        if (pendingInterrupts() == 0 && !debug.step() && !debug.halted) {
            waitingForInterrupt = true;
        }
    }

    /** The instruction at {@code address}: 16 bits (compressed, not yet expanded) or 32. */
    private int fetch(int address) throws Trap {
        int low = fetchHalfword(address);
        if ((low & 3) != 3) {
            return low;
        }
        return low | fetchHalfword(address + 2) << 16;
    }

    private int fetchHalfword(int address) throws Trap {
        if (programBuffer != null) {
            int offset = address - PROGRAM_BUFFER_ADDRESS;
            if (Integer.compareUnsigned(offset, programBuffer.length * 4) >= 0) {
                throw new Trap(TrapCause.INSTRUCTION_ACCESS_FAULT, address);
            }
            return programBuffer[offset >>> 2] >>> (8 * (offset & 2)) & 0xFFFF;
        }
        try {
            return bus.read(address, AccessSize.HALFWORD);
        } catch (BusFault e) {
            throw new Trap(TrapCause.INSTRUCTION_ACCESS_FAULT, address);
        }
    }

    int load(int address, AccessSize size) throws Trap {
        checkTrigger(TriggerModule.LOAD, address);
        if ((address & (size.bytes() - 1)) != 0) {
            if (misaligned == MisalignedAccess.TRAP) {
                throw new Trap(TrapCause.LOAD_ADDRESS_MISALIGNED, address);
            }
            int value = 0;
            for (int i = size.bytes() - 1; i >= 0; i--) {
                value = value << 8 | load(address + i, AccessSize.BYTE);
            }
            return value;
        }
        try {
            return bus.read(address, size);
        } catch (BusFault e) {
            throw new Trap(TrapCause.LOAD_ACCESS_FAULT, address);
        }
    }

    void store(int address, AccessSize size, int value) throws Trap {
        checkTrigger(TriggerModule.STORE, address);
        if ((address & (size.bytes() - 1)) != 0) {
            if (misaligned == MisalignedAccess.TRAP) {
                throw new Trap(TrapCause.STORE_ADDRESS_MISALIGNED, address);
            }
            for (int i = 0; i < size.bytes(); i++) {
                store(address + i, AccessSize.BYTE, value >>> (8 * i));
            }
            return;
        }
        try {
            bus.write(address, size, value);
        } catch (BusFault e) {
            throw new Trap(TrapCause.STORE_ACCESS_FAULT, address);
        }
    }

    /** LR/SC/AMO accesses: always word-aligned, else a trap ({@code cause}) whatever the policy. */
    void checkAtomicAlignment(int address, TrapCause cause) throws Trap {
        if ((address & 3) != 0) {
            throw new Trap(cause, address);
        }
    }
}
