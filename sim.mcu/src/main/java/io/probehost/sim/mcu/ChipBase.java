package io.probehost.sim.mcu;

import io.probehost.sim.mcu.bus.DecodeTable;
import io.probehost.sim.mcu.bus.Memory;
import io.probehost.sim.mcu.bus.SystemBus;
import io.probehost.sim.mcu.cpu.Core;
import io.probehost.sim.mcu.cpu.CoreRegister;
import io.probehost.sim.mcu.cpu.CoreRunner;
import io.probehost.sim.mcu.cpu.DebugState;
import io.probehost.sim.mcu.cpu.Profile;
import io.probehost.sim.mcu.scs.RomTable;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * What every virtual chip shares: a core on its own thread ({@link CoreRunner}) behind one lock, the
 * debug bus, reset and debug-power lines, and the back-door methods tests use (RAM, flash, core
 * registers, halt, run, function calls). A chip maps its memories and peripherals on {@link #bus} in
 * its constructor, then calls {@link #powerOn()}; it supplies what is its own: the peripheral reset,
 * where flash lives and how it persists. All public methods are thread-safe.
 */
public abstract class ChipBase implements DebuggableMcu {
    protected final VirtualClock clock = new VirtualClock();
    protected final SystemBus bus = new SystemBus();
    protected final Core core;
    private final CoreRunner runner;
    private final Memory ram;
    private final int ramBase;
    private final int ramSize;
    private final String ramName;
    private final MemoryPort debugBus = new DebugAccessBus();
    private boolean debugPowered;

    /**
     * A chip whose core has {@code profile} at {@code cpuHz}, runs on thread {@code threadName}, and
     * whose RAM ({@code ramName} in error messages) spans {@code ramSize} bytes from {@code ramBase}.
     */
    protected ChipBase(String threadName, Profile profile, long cpuHz, int ramBase, int ramSize, String ramName) {
        this.ramBase = ramBase;
        this.ramSize = ramSize;
        this.ramName = ramName;
        ram = new Memory(ramSize);
        core = new Core(bus, clock, profile, cpuHz);
        runner = new CoreRunner(core, clock, threadName);
    }

    /** Ends construction: wires the peripheral reset and the clock's pacer, resets the core and starts its thread. */
    protected final void powerOn() {
        core.setPeripheralReset(this::resetPeripherals);
        clock.setPacer(runner::runFor);
        core.powerOnReset();
        runner.start();
    }

    /** The chip's RAM, to map on the bus. */
    protected final Memory ram() {
        return ram;
    }

    /** System reset of the chip's peripherals (the core resets itself). Called under the lock. */
    protected abstract void resetPeripherals();

    /** The memory holding non-volatile memory at {@code address}..+{@code length}; throws if there is none. */
    protected abstract Memory nvmMemory(int address, int length);

    /** Offset of {@code address} in the memory {@link #nvmMemory} returns for it. */
    protected abstract int nvmOffset(int address);

    /** Persists the non-volatile memory (if the chip has a state folder). Called under the lock. */
    protected abstract void saveNvm();

    /** Erases the non-volatile memory to its factory state and deletes the persisted file. Called under the lock. */
    protected abstract void wipeNvm();

    /** What the debugger reads at {@code address}; the plain system bus unless the chip says otherwise. Called under the lock. */
    protected int debugRead(int address, AccessSize size) throws BusFault {
        return bus.read(address, size);
    }

    /** The AHB-AP's view: the system bus under the chip's lock. */
    private final class DebugAccessBus implements MemoryPort {
        @Override
        public int read(int address, AccessSize size) throws BusFault {
            ReentrantLock lock = runner.lock();
            lock.lock();
            try {
                return debugRead(address, size);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void write(int address, AccessSize size, int value) throws BusFault {
            ReentrantLock lock = runner.lock();
            lock.lock();
            try {
                bus.write(address, size, value);
                runner.signalChange();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Runs {@code action} under the chip's lock and wakes the core thread to look at the change. */
    protected final <T> T locked(Supplier<T> action) {
        return runner.locked(action);
    }

    protected final void locked(Runnable action) {
        runner.locked(action);
    }

    // ---- DebuggableMcu ----

    @Override
    public MemoryPort debugBus() {
        return debugBus;
    }

    @Override
    public int romTableBase() {
        return RomTable.AP_BASE_VALUE;
    }

    @Override
    public void setResetPinAsserted(boolean asserted) {
        locked(() -> core.setResetHeld(asserted));
    }

    @Override
    public void setDebugPowerRequested(boolean requested) {
        locked(() -> debugPowered = requested);
    }

    @Override
    public boolean isDebugPowered() {
        return locked(() -> debugPowered);
    }

    @Override
    public VirtualClock clock() {
        return clock;
    }

    @Override
    public void close() {
        runner.close(this::saveNvm);
    }

    // ---- back door for tests ----

    /** Writes {@code data} straight into non-volatile memory (no programming rule, no controller) and persists it. */
    public void loadFlash(int address, byte[] data) {
        locked(() -> {
            nvmMemory(address, data.length).load(nvmOffset(address), data);
            saveNvm();
        });
    }

    /** Reads non-volatile memory directly, whatever the protection. */
    public byte[] readFlash(int address, int length) {
        return locked(() -> nvmMemory(address, length).copy(nvmOffset(address), length));
    }

    public void writeRam(int address, byte[] data) {
        checkRam(address, data.length);
        locked(() -> ram.load(address - ramBase, data));
    }

    public byte[] readRam(int address, int length) {
        checkRam(address, length);
        return locked(() -> ram.copy(address - ramBase, length));
    }

    /**
     * The decode table of the RAM or non-volatile memory array holding {@code address}: the one the
     * core's in-place fetches from there keep their decodes in.
     */
    public DecodeTable decodeTable(int address) {
        return locked(() -> isRam(address, 1) ? ram.decodeTable() : nvmMemory(address, 1).decodeTable());
    }

    private boolean isRam(int address, int length) {
        return address >= ramBase && address + length <= ramBase + ramSize && length >= 0;
    }

    private void checkRam(int address, int length) {
        if (!isRam(address, length)) {
            throw new IllegalArgumentException(String.format("0x%08X+%d is not %s", address, length, ramName));
        }
    }

    /** Back to the factory state (non-volatile memory erased), deletes the persisted file, resets the system. */
    public void resetState() {
        locked(() -> {
            wipeNvm();
            core.requestSystemReset();
        });
    }

    /** A system reset, as SYSRESETREQ: core and peripherals (see {@link #resetPeripherals}), not the debug logic. */
    public void reset() {
        locked(core::requestSystemReset);
    }

    /** Enables halting debug and resets with a reset vector catch: halted at the reset handler. */
    public void resetAndHalt() {
        locked(() -> {
            core.setDebugEnabled(true);
            int demcr = core.debug().demcr();
            core.debug().writeDemcr(demcr | DebugState.DEMCR_VC_CORERESET);
            core.requestSystemReset();
            core.debug().writeDemcr(demcr);
        });
    }

    public int readCoreRegister(CoreRegister register) {
        return locked(() -> core.registers().read(register));
    }

    public void writeCoreRegister(CoreRegister register, int value) {
        locked(() -> {
            core.registers().write(register, value);
            core.debugRegisterWritten(register);
        });
    }

    /** Enables halting debug and requests a halt; returns whether the core is halted (a stuck core is not). */
    public boolean halt() {
        return locked(() -> {
            core.setDebugEnabled(true);
            core.requestHalt();
            return core.debug().halted();
        });
    }

    /** Makes the core ignore debugger halt requests (fault injection); the back door still stops it. */
    public void setStuck(boolean stuck) {
        locked(() -> core.setStuck(stuck));
    }

    /** Leaves Debug state; the core runs on its thread. */
    public void resume() {
        locked(core::leaveDebug);
    }

    public boolean isHalted() {
        return locked(() -> core.debug().halted());
    }

    /**
     * Enables halting debug (so BKPT halts), clears DFSR, resumes and waits until the core halts by
     * itself, has run {@code maxCycles}, locks up or sleeps for good. The core is halted on return.
     */
    public RunOutcome runUntilHalted(long maxCycles) throws InterruptedException {
        ReentrantLock lock = runner.lock();
        lock.lock();
        try {
            core.setDebugEnabled(true);
            core.debug().clearDfsr(0x1F);
            core.setCycleLimit(core.cycles() + maxCycles);
            core.leaveDebug();
            runner.signalChange();
            runner.awaitUntil(() -> !core.canRun());
            RunOutcome outcome = core.cycleLimitReached() ? RunOutcome.CYCLE_LIMIT
                    : core.debug().halted() ? RunOutcome.HALTED
                    : core.lockedUp() ? RunOutcome.LOCKED_UP : RunOutcome.SLEEPING;
            core.setCycleLimit(Long.MAX_VALUE);
            if (!core.debug().halted()) {
                core.enterDebug(0);
            }
            return outcome;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Calls a function as a debugger runs a flash algorithm: halts, sets R0-R3 from {@code args},
     * SP, LR = {@code returnAddress} (normally a BKPT, Thumb bit set), PC = {@code entry}, xPSR = T,
     * then runs until halted. Returns R0; throws if the core did not halt at the return address.
     */
    public int callFunction(int entry, int stackPointer, int returnAddress, long maxCycles, int... args)
            throws InterruptedException {
        if (!halt()) {
            throw new IllegalStateException("core does not halt");
        }
        for (int i = 0; i < args.length; i++) {
            writeCoreRegister(CoreRegister.general(i), args[i]);
        }
        writeCoreRegister(CoreRegister.SP, stackPointer);
        writeCoreRegister(CoreRegister.LR, returnAddress);
        writeCoreRegister(CoreRegister.XPSR, 1 << 24);
        writeCoreRegister(CoreRegister.PC, entry);
        RunOutcome outcome = runUntilHalted(maxCycles);
        int pc = readCoreRegister(CoreRegister.PC);
        if (outcome != RunOutcome.HALTED || pc != (returnAddress & ~1)) {
            throw new IllegalStateException(String.format("function at 0x%08X did not return: %s, PC 0x%08X",
                    entry, outcome, pc));
        }
        return readCoreRegister(CoreRegister.R0);
    }

    /**
     * With false the core runs only while modelled time elapses on its clock (in lockstep with a probe's
     * link), never on its own when the link is quiet: for benchmarks and tests whose figures must not
     * depend on pauses of the host. {@link #runUntilHalted} needs the default, true.
     */
    public void setMayRunFree(boolean mayRunFree) {
        locked(() -> runner.setMayRunFree(mayRunFree));
    }

    /** Processor cycles executed since creation. */
    public long cycles() {
        return locked(core::cycles);
    }
}
