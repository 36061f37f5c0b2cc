package io.probehost.arch.arm.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.probehost.api.TargetException;
import io.probehost.api.TransferException;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.CoreRegister;
import io.probehost.api.debug.HaltReason;
import io.probehost.api.debug.ResetType;
import io.probehost.api.probe.DapAccess;
import io.probehost.api.probe.ResetControl;
import io.probehost.arch.arm.CortexMType;

/** Run control and core registers of a Cortex-M through DHCSR, DCRSR/DCRDR, DEMCR, AIRCR and DFSR. */
public final class CortexMCore implements CoreControl {
    private static final int ARCHITECTURE_MAINLINE = 0xF;
    private static final long RESET_HOLD_MILLIS = 20;

    /** Lets breakpoints step the core off a breakpoint at the PC before it resumes or steps. */
    interface BreakpointLifter {
        /** Runs {@code action} with the breakpoint at {@code pc} taken out; false when there is none. */
        boolean runLiftedAt(long pc, Runnable action);

        boolean isEmpty();
    }

    private final MemAp memory;
    /** DHCSR, DCRSR, DCRDR and DEMCR through BD0-BD3: polls and register batches share one TAR write. */
    private final MemAp.BankedBlock debugRegisters;
    private final DebugPort dp;
    private final Optional<ResetControl> resetControl;
    private final Duration timeout;
    private final int cpuid;
    private final CortexMType type;
    private final List<CoreRegister> registers;
    private BreakpointLifter breakpoints;
    /** A halt reason DFSR no longer shows because it was cleared on purpose, or STEP. */
    private HaltReason knownHaltReason;

    public CortexMCore(MemAp memory, DebugPort dp, Optional<ResetControl> resetControl, Duration timeout) {
        this.memory = memory;
        this.debugRegisters = memory.bankedBlock(Scs.DHCSR);
        this.dp = dp;
        this.resetControl = resetControl;
        this.timeout = timeout;
        this.cpuid = memory.read32(Scs.CPUID);
        if (cpuid == 0 || cpuid == -1) {
            throw new TargetException(String.format("CPUID at 0x%08X reads 0x%08X: no Cortex-M core behind AP%d",
                    Scs.CPUID, cpuid, memory.apIndex()));
        }
        this.type = CortexMType.fromCpuid(cpuid);
        boolean mainline = ((cpuid >>> 16) & 0xF) == ARCHITECTURE_MAINLINE;
        this.registers = CortexMRegisters.forCore(mainline, mainline && hasSinglePrecisionFpu());
        enableDebug();
    }

    /** MVFR0[7:4] = 2: single precision supported. MVFR0 exists on ARMv7-M and ARMv8-M mainline only. */
    private boolean hasSinglePrecisionFpu() {
        return ((memory.read32(Scs.MVFR0) >>> 4) & 0xF) == 2;
    }

    void setBreakpointLifter(BreakpointLifter lifter) {
        this.breakpoints = lifter;
    }

    public int cpuid() {
        return cpuid;
    }

    public CortexMType type() {
        return type;
    }

    @Override
    public String coreName() {
        return type == CortexMType.UNKNOWN ? String.format("Cortex-M (CPUID 0x%08X)", cpuid) : type.displayName();
    }

    private void enableDebug() {
        int dhcsr = memory.read32(Scs.DHCSR);
        if ((dhcsr & Scs.C_DEBUGEN) == 0) {
            memory.write32(Scs.DHCSR, Scs.DHCSR_KEY | Scs.C_DEBUGEN);
            memory.flush();
        }
    }

    @Override
    public void halt(Duration haltTimeout) {
        memory.write32(Scs.DHCSR, Scs.DHCSR_KEY | Scs.C_HALT | Scs.C_DEBUGEN);
        knownHaltReason = null;
        awaitHalt(haltTimeout, "after a halt request");
    }

    @Override
    public void resume() {
        if (!isHalted()) {
            return;
        }
        liftBreakpointAtPc(this::singleStep);
        memory.write32(Scs.DFSR, Scs.DFSR_ALL);
        memory.write32(Scs.DHCSR, Scs.DHCSR_KEY | Scs.C_DEBUGEN);
        memory.flush();
        knownHaltReason = null;
    }

    @Override
    public void step() {
        requireHalted("step");
        if (!liftBreakpointAtPc(this::singleStep)) {
            singleStep();
        }
        knownHaltReason = HaltReason.STEP;
    }

    private boolean liftBreakpointAtPc(Runnable action) {
        if (breakpoints == null || breakpoints.isEmpty()) {
            return false;
        }
        return breakpoints.runLiftedAt(readRegister(CortexMRegisters.PC), action);
    }

    /** One instruction with PendSV, SysTick and external interrupts masked, then unmasked while halted. */
    private void singleStep() {
        memory.write32(Scs.DFSR, Scs.DFSR_ALL);
        memory.write32(Scs.DHCSR, Scs.DHCSR_KEY | Scs.C_MASKINTS | Scs.C_HALT | Scs.C_DEBUGEN);
        memory.write32(Scs.DHCSR, Scs.DHCSR_KEY | Scs.C_MASKINTS | Scs.C_STEP | Scs.C_DEBUGEN);
        awaitHalt(timeout, "after a single step");
        memory.write32(Scs.DHCSR, Scs.DHCSR_KEY | Scs.C_HALT | Scs.C_DEBUGEN);
        memory.flush();
    }

    /** Reads DHCSR through the banked data registers: a poll that repeats needs no TAR write. */
    @Override
    public boolean isHalted() {
        return (debugRegisters.queueRead32(Scs.DHCSR).get() & Scs.S_HALT) != 0;
    }

    @Override
    public Optional<HaltReason> haltReason() {
        if (!isHalted()) {
            return Optional.empty();
        }
        int dfsr = memory.read32(Scs.DFSR);
        if ((dfsr & Scs.DFSR_BKPT) != 0) {
            return Optional.of(HaltReason.BREAKPOINT);
        }
        if ((dfsr & Scs.DFSR_DWTTRAP) != 0) {
            return Optional.of(HaltReason.WATCHPOINT);
        }
        if ((dfsr & Scs.DFSR_VCATCH) != 0) {
            return Optional.of(HaltReason.VECTOR_CATCH);
        }
        if ((dfsr & Scs.DFSR_EXTERNAL) != 0) {
            return Optional.of(HaltReason.EXTERNAL);
        }
        if (knownHaltReason != null) {
            return Optional.of(knownHaltReason);
        }
        return Optional.of((dfsr & Scs.DFSR_HALTED) != 0 ? HaltReason.DEBUG_REQUEST : HaltReason.UNKNOWN);
    }

    /** Clears C_HALT first: DHCSR survives a system reset, and a set C_HALT would halt the core again. */
    @Override
    public void reset(ResetType resetType) {
        int demcr = memory.read32(Scs.DEMCR);
        if ((demcr & Scs.DEMCR_VC_CORERESET) != 0) {
            memory.write32(Scs.DEMCR, demcr & ~Scs.DEMCR_VC_CORERESET);
        }
        memory.write32(Scs.DHCSR, Scs.DHCSR_KEY | Scs.C_DEBUGEN);
        if (!resetAndWait(resetType)) {
            throw noReset(resetType);
        }
        // A reset clears C_HALT, but a core still halted afterwards (a reset the target ignored, a
        // probe whose reset line is not wired to the core) is let run from where it is, like pyOCD.
        if ((readDhcsrRecovering() & Scs.S_HALT) != 0) {
            memory.write32(Scs.DHCSR, Scs.DHCSR_KEY | Scs.C_DEBUGEN);
            memory.flush();
        }
        knownHaltReason = null;
    }

    /** Vector catch: DEMCR.VC_CORERESET, reset, wait for S_RESET_ST then S_HALT, restore DEMCR. */
    @Override
    public void resetAndHalt(ResetType resetType, Duration haltTimeout) {
        enableDebug();
        int demcr = memory.read32(Scs.DEMCR);
        memory.write32(Scs.DEMCR, demcr | Scs.DEMCR_VC_CORERESET);
        boolean resetSeen = resetAndWait(resetType);
        awaitHalt(haltTimeout, "at the reset vector (vector catch)");
        if (!resetSeen && (memory.read32(Scs.DFSR) & Scs.DFSR_VCATCH) == 0) {
            throw noReset(resetType);
        }
        memory.write32(Scs.DEMCR, demcr & ~Scs.DEMCR_VC_CORERESET);
        memory.write32(Scs.DFSR, Scs.DFSR_ALL);
        memory.flush();
        knownHaltReason = HaltReason.VECTOR_CATCH;
    }

    /** Triggers the reset; returns whether DHCSR.S_RESET_ST was seen within the timeout. */
    private boolean resetAndWait(ResetType resetType) {
        memory.write32(Scs.DFSR, Scs.DFSR_ALL);
        memory.read32(Scs.DHCSR); // S_RESET_ST is clear-on-read: start from a clean flag
        if (resetType == ResetType.HARDWARE) {
            pulseNreset();
        } else {
            requestSystemReset();
        }
        return Polling.until(timeout, () -> (readDhcsrRecovering() & Scs.S_RESET_ST) != 0);
    }

    private TargetException noReset(ResetType resetType) {
        return new TargetException(String.format("no reset seen: DHCSR.S_RESET_ST stayed 0 for %s after %s",
                Polling.millis(timeout), resetType));
    }

    private void requestSystemReset() {
        try {
            memory.write32(Scs.AIRCR, Scs.AIRCR_VECTKEY | Scs.AIRCR_SYSRESETREQ);
            memory.flush();
        } catch (TransferException unacknowledged) {
            // The core may reset in the middle of the AIRCR write; the link is recovered below.
            recoverLink();
        }
    }

    private void pulseNreset() {
        ResetControl nreset = resetControl.orElseThrow(
                () -> new TargetException("hardware reset needs a probe that drives nRESET"));
        memory.flush();
        nreset.setResetAsserted(true);
        try {
            Thread.sleep(RESET_HOLD_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            nreset.setResetAsserted(false);
        }
    }

    private int readDhcsrRecovering() {
        try {
            return memory.read32(Scs.DHCSR);
        } catch (TransferException lostDuringReset) {
            recoverLink();
            return 0;
        }
    }

    private void recoverLink() {
        memory.invalidateCache();
        dp.recoverAfterReset();
    }

    private void awaitHalt(Duration haltTimeout, String when) {
        int[] dhcsr = new int[1];
        boolean halted = Polling.until(haltTimeout, () -> {
            dhcsr[0] = memory.read32(Scs.DHCSR);
            return (dhcsr[0] & Scs.S_HALT) != 0;
        });
        if (!halted) {
            String lockup = (dhcsr[0] & Scs.S_LOCKUP) != 0 ? ", core is locked up" : "";
            throw new TargetException(String.format("%s did not halt %s within %s (DHCSR 0x%08X%s)",
                    coreName(), when, Polling.millis(haltTimeout), dhcsr[0], lockup));
        }
    }

    private void requireHalted(String what) {
        if (!isHalted()) {
            throw new TargetException("cannot " + what + ": " + coreName() + " is running (halt it first)");
        }
    }

    @Override
    public List<CoreRegister> registers() {
        return registers;
    }

    @Override
    public long readRegister(CoreRegister register) {
        return readRegisters(List.of(register))[0];
    }

    /**
     * Queues DCRSR write, DHCSR read and DCRDR read for every register through the banked data
     * registers (one TAR write for all), so a probe can batch them; a register whose DHCSR did not
     * show S_REGRDY is read again the slow way, polling.
     */
    @Override
    public long[] readRegisters(List<CoreRegister> wanted) {
        wanted.forEach(this::checkRegister);
        DapAccess.DapRead[] status = new DapAccess.DapRead[wanted.size()];
        DapAccess.DapRead[] data = new DapAccess.DapRead[wanted.size()];
        for (int i = 0; i < status.length; i++) {
            debugRegisters.write32(Scs.DCRSR, selector(wanted.get(i)));
            status[i] = debugRegisters.queueRead32(Scs.DHCSR);
            data[i] = debugRegisters.queueRead32(Scs.DCRDR);
        }
        long[] values = new long[status.length];
        for (int i = 0; i < status.length; i++) {
            CoreRegister register = wanted.get(i);
            int dhcsr = status[i].get();
            int raw = data[i].get();
            if ((dhcsr & Scs.S_HALT) == 0) {
                throw running(register, "read");
            }
            if ((dhcsr & Scs.S_REGRDY) == 0) {
                raw = readSelector(selector(register), register);
            }
            values[i] = decode(register, raw);
        }
        return values;
    }

    /**
     * Writes the registers and lets the core run, as one batch a probe sends in as few packets as it
     * can (pyOCD queues register writes the same way): DFSR cleared, then through the banked data
     * registers DCRDR and DCRSR for each register, one DHCSR read, and the DHCSR resume. No poll
     * between the writes: a DCRSR transfer takes the core a few cycles, an SWD transfer dozens of
     * clocks. The DHCSR read, which precedes the resume, shows whether the core was halted and
     * whether the last transfer completed; a write that did not (S_REGRDY 0) halts the core again
     * and throws, naming the registers. With breakpoints set, it writes and resumes one by one, so
     * that resuming can step off a breakpoint at the new PC.
     *
     * @throws TargetException when the core is running, or a register write did not complete
     */
    public void writeRegistersAndResume(List<CoreRegister> targets, long[] values) {
        if (targets.size() != values.length) {
            throw new IllegalArgumentException(targets.size() + " registers but " + values.length + " values");
        }
        for (int i = 0; i < values.length; i++) {
            CoreRegister register = targets.get(i);
            checkValue(register, values[i]);
            if (CortexMRegisters.isPacked(register)) {
                throw new IllegalArgumentException("register " + register.name() + " shares its DCRSR selector "
                        + "with others and cannot be written in a batch");
            }
        }
        if (breakpoints != null && !breakpoints.isEmpty()) {
            for (int i = 0; i < values.length; i++) {
                writeRegister(targets.get(i), values[i]);
            }
            resume();
            return;
        }
        memory.write32(Scs.DFSR, Scs.DFSR_ALL);
        for (int i = 0; i < values.length; i++) {
            debugRegisters.write32(Scs.DCRDR, (int) values[i]);
            debugRegisters.write32(Scs.DCRSR, targets.get(i).number() | Scs.DCRSR_WRITE);
        }
        DapAccess.DapRead status = debugRegisters.queueRead32(Scs.DHCSR);
        debugRegisters.write32(Scs.DHCSR, Scs.DHCSR_KEY | Scs.C_DEBUGEN);
        memory.flush();
        knownHaltReason = null;
        int dhcsr = status.get();
        if ((dhcsr & Scs.S_HALT) == 0) {
            throw new TargetException(String.format("cannot write registers %s: %s is running (halt it first)",
                    names(targets), coreName()));
        }
        if ((dhcsr & Scs.S_REGRDY) == 0) {
            String halted;
            try {
                halt(timeout);
                halted = "halted it again";
            } catch (TargetException stillRunning) {
                halted = "it did not halt again: " + stillRunning.getMessage();
            }
            throw new TargetException(String.format("register write of %s did not complete: DHCSR.S_REGRDY was 0 "
                    + "after the last (DHCSR 0x%08X); the core was resumed with them, %s", names(targets), dhcsr,
                    halted));
        }
    }

    private static String names(List<CoreRegister> targets) {
        return String.join(", ", targets.stream().map(CoreRegister::name).toList());
    }

    private static int selector(CoreRegister register) {
        return CortexMRegisters.isPacked(register) ? CortexMRegisters.PACKED_SPECIAL_SELECTOR : register.number();
    }

    private static long decode(CoreRegister register, int raw) {
        if (CortexMRegisters.isPacked(register)) {
            return (raw >>> (8 * CortexMRegisters.packedByte(register))) & 0xFF;
        }
        return raw & 0xFFFF_FFFFL;
    }

    private TargetException running(CoreRegister register, String access) {
        return new TargetException(String.format("cannot %s register %s: %s is running (halt it first)",
                access, register.name(), coreName()));
    }

    @Override
    public void writeRegister(CoreRegister register, long value) {
        checkValue(register, value);
        if (CortexMRegisters.isPacked(register)) {
            int shift = 8 * CortexMRegisters.packedByte(register);
            int packed = readSelector(CortexMRegisters.PACKED_SPECIAL_SELECTOR, register);
            int updated = (packed & ~(0xFF << shift)) | ((int) value << shift);
            writeSelector(CortexMRegisters.PACKED_SPECIAL_SELECTOR, updated, register);
        } else {
            writeSelector(register.number(), (int) value, register);
        }
    }

    private void checkValue(CoreRegister register, long value) {
        checkRegister(register);
        if ((value & ~register.mask()) != 0) {
            throw new IllegalArgumentException(String.format("0x%X does not fit the %d-bit register %s",
                    value, register.bitWidth(), register.name()));
        }
    }

    private int readSelector(int selector, CoreRegister register) {
        memory.write32(Scs.DCRSR, selector);
        awaitRegisterReady(register, "read");
        return memory.read32(Scs.DCRDR);
    }

    private void writeSelector(int selector, int value, CoreRegister register) {
        memory.write32(Scs.DCRDR, value);
        memory.write32(Scs.DCRSR, selector | Scs.DCRSR_WRITE);
        awaitRegisterReady(register, "write");
    }

    /** Polls DHCSR for S_REGRDY; the same reads tell whether the core is still halted. */
    private void awaitRegisterReady(CoreRegister register, String access) {
        int[] dhcsr = new int[1];
        boolean ready = Polling.until(timeout, () -> {
            dhcsr[0] = memory.read32(Scs.DHCSR);
            if ((dhcsr[0] & Scs.S_HALT) == 0) {
                throw running(register, access);
            }
            return (dhcsr[0] & Scs.S_REGRDY) != 0;
        });
        if (!ready) {
            throw new TargetException(String.format("register %s %s timed out: DHCSR.S_REGRDY stayed 0 for %s "
                    + "(DHCSR 0x%08X)", register.name(), access, Polling.millis(timeout), dhcsr[0]));
        }
    }

    private void checkRegister(CoreRegister register) {
        if (!registers.contains(register)) {
            throw new IllegalArgumentException("register " + register.name() + " (number " + register.number()
                    + ") is not a register of " + coreName());
        }
    }

    /**
     * Clears vector catch; with {@code resume}, also clears DFSR and C_DEBUGEN, which lets the core
     * run. Call after every breakpoint is removed: without C_DEBUGEN a BKPT becomes a HardFault.
     */
    void detach(boolean resume) {
        int demcr = memory.read32(Scs.DEMCR);
        memory.write32(Scs.DEMCR, demcr & ~Scs.DEMCR_VC_CORERESET);
        if (resume) {
            memory.write32(Scs.DFSR, Scs.DFSR_ALL);
            memory.write32(Scs.DHCSR, Scs.DHCSR_KEY);
            knownHaltReason = null;
        }
        memory.flush();
    }
}
