package io.probehost.sim.mcu.stm32f1;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.DebuggableMcu;
import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.mcu.bench.CortexMTestMachine;
import io.probehost.sim.mcu.bus.BitBandAlias;
import io.probehost.sim.mcu.bus.Memory;
import io.probehost.sim.mcu.bus.SystemBus;
import io.probehost.sim.mcu.cpu.Core;
import io.probehost.sim.mcu.cpu.CoreRegister;
import io.probehost.sim.mcu.cpu.CoreRunner;
import io.probehost.sim.mcu.cpu.DebugState;
import io.probehost.sim.mcu.cpu.Profile;
import io.probehost.sim.mcu.fpec.FlashGeometry;
import io.probehost.sim.mcu.fpec.FlashPort;
import io.probehost.sim.mcu.fpec.FlashStore;
import io.probehost.sim.mcu.fpec.Fpec;
import io.probehost.sim.mcu.fpec.OptionBytePort;
import io.probehost.sim.mcu.nrf51.RunOutcome;
import io.probehost.sim.mcu.scs.BreakpointUnit;
import io.probehost.sim.mcu.scs.DataWatchpointUnit;
import io.probehost.sim.mcu.scs.DebugUnits;
import io.probehost.sim.mcu.scs.InstrumentationTrace;
import io.probehost.sim.mcu.scs.RomTable;
import io.probehost.sim.mcu.scs.SystemControlSpace;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A virtual STM32F103RB (medium density): a Cortex-M3 on its own thread, 128 KiB flash at
 * 0x08000000 aliased at 0 (boot from flash), 20 KiB SRAM, the FPEC with option bytes and read-out
 * protection, system memory (flash size, unique ID), DBGMCU (read as 0 by the core, as the
 * erratum says), a minimal RCC, IWDG and the other
 * peripherals as plain registers. With read-out protection active the debug bus faults on reads of
 * flash. Besides the {@link DebuggableMcu} view it offers back-door methods for tests; all methods
 * are thread-safe.
 */
public final class Stm32f103 implements DebuggableMcu {
    public static final FlashGeometry GEOMETRY = FlashGeometry.STM32F1_MEDIUM_DENSITY;
    public static final int FLASH_BASE = FlashPort.MAIN_BASE;
    public static final int FLASH_SIZE = GEOMETRY.flashBytes();
    public static final int PAGE_SIZE = GEOMETRY.pageBytes();
    public static final int OPTION_BYTES_BASE = OptionBytePort.BASE;
    public static final int SRAM_BASE = 0x2000_0000;
    public static final int SRAM_SIZE = 20 * 1024;
    public static final int DBGMCU_IDCODE = Dbgmcu.IDCODE_VALUE;
    public static final long CPU_HZ = CortexMTestMachine.STM32F1_CPU_HZ;
    static final String STATE_FILE = "stm32f103rb-nvm.bin";
    private static final int PERIPHERAL_BASE = 0x4000_0000;
    private static final int PERIPHERAL_SIZE = 0x2_4000;
    private static final int IWDG_BASE = 0x4000_3000;
    private static final byte[] UNIQUE_ID = {0x36, (byte) 0xFF, 0x6B, 0x06, 0x41, 0x4E, 0x38, 0x35,
        0x27, 0x46, 0x17, 0x43};

    private final VirtualClock clock = new VirtualClock();
    private final SystemBus bus = new SystemBus();
    private final Memory sram = new Memory(SRAM_SIZE);
    private final FlashStore store;
    private final Fpec fpec;
    private final Core core;
    private final CoreRunner runner;
    private final List<PlainRegisters> peripherals;
    private final Dbgmcu dbgmcu = new Dbgmcu();
    private final MemoryPort debugBus;
    private boolean debugPowered;
    private boolean closed;

    private Stm32f103(Path stateDir) {
        store = new FlashStore(GEOMETRY, stateDir, STATE_FILE);
        fpec = new Fpec(GEOMETRY, store, clock);
        core = new Core(bus, clock, Profile.ARMV7M, CPU_HZ);
        BreakpointUnit fpb = BreakpointUnit.cortexM3();
        DataWatchpointUnit dwt = new DataWatchpointUnit(core);
        core.setComparators(new DebugUnits(fpb, dwt));
        FlashPort flash = new FlashPort(store, fpec);
        Rcc rcc = new Rcc();
        PlainRegisters iwdg = new PlainRegisters(Map.of(0x8, 0xFFF));
        PlainRegisters otherPeripherals = new PlainRegisters();
        bus.map(0, FLASH_SIZE, flash)
                .map(FLASH_BASE, FLASH_SIZE, flash)
                .map(SystemMemory.BASE, SystemMemory.SIZE, new SystemMemory(FLASH_SIZE / 1024, UNIQUE_ID))
                .map(OPTION_BYTES_BASE, FlashStore.OPTION_BYTES, new OptionBytePort(store, fpec))
                .map(SRAM_BASE, SRAM_SIZE, sram)
                .map(Fpec.BASE, 0x400, fpec)
                .map(Rcc.BASE, 0x400, rcc)
                .map(IWDG_BASE, 0x400, iwdg)
                .map(PERIPHERAL_BASE, PERIPHERAL_SIZE, otherPeripherals)
                .map(BitBandAlias.SRAM_ALIAS, BitBandAlias.ALIAS_SIZE, new BitBandAlias(bus, BitBandAlias.SRAM_TARGET))
                .map(BitBandAlias.PERIPHERAL_ALIAS, BitBandAlias.ALIAS_SIZE,
                        new BitBandAlias(bus, BitBandAlias.PERIPHERAL_TARGET))
                .map(InstrumentationTrace.BASE, 0x1000, new InstrumentationTrace())
                .map(DataWatchpointUnit.BASE, 0x1000, dwt)
                .map(BreakpointUnit.BASE, 0x1000, fpb)
                .map(SystemControlSpace.BASE, 0x1000, new SystemControlSpace(core))
                .map(Dbgmcu.BASE, 0x1000, dbgmcu.coreView())
                .map(RomTable.BASE, 0x1000, RomTable.cortexM3());
        peripherals = List.of(rcc, iwdg, otherPeripherals);
        core.setPeripheralReset(this::resetPeripherals);
        runner = new CoreRunner(core, clock, "stm32f103-cpu");
        clock.setPacer(runner::runFor);
        debugBus = new DebugAccessBus();
        core.powerOnReset();
        runner.start();
    }

    /** A new MCU whose flash and option bytes persist in {@code stateDirOrNull} (null: nothing persists). */
    public static Stm32f103 create(Path stateDirOrNull) {
        return new Stm32f103(stateDirOrNull);
    }

    /** System reset of the peripherals; DBGMCU_CR keeps its value (power-on reset only). */
    private void resetPeripherals() {
        fpec.reset();
        peripherals.forEach(PlainRegisters::reset);
    }

    private static boolean isFlash(int address) {
        return Integer.compareUnsigned(address, FLASH_SIZE) < 0
                || Integer.compareUnsigned(address - FLASH_BASE, FLASH_SIZE) < 0;
    }

    /** The AHB-AP's view: the system bus under the chip's lock, flash unreadable under read-out protection. */
    private final class DebugAccessBus implements MemoryPort {
        @Override
        public int read(int address, AccessSize size) throws BusFault {
            ReentrantLock lock = runner.lock();
            lock.lock();
            try {
                if (fpec.readProtected() && isFlash(address)) {
                    throw new BusFault(address, "flash is read-out protected");
                }
                if (Integer.compareUnsigned(address - Dbgmcu.BASE, 0x1000) < 0) {
                    return dbgmcu.read(address - Dbgmcu.BASE, size); // the debugger's view of DBGMCU
                }
                return bus.read(address, size);
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

    private <T> T locked(Supplier<T> action) {
        ReentrantLock lock = runner.lock();
        lock.lock();
        try {
            T result = action.get();
            runner.signalChange();
            return result;
        } finally {
            lock.unlock();
        }
    }

    private void locked(Runnable action) {
        locked(() -> {
            action.run();
            return null;
        });
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
        boolean first = locked(() -> {
            boolean wasOpen = !closed;
            closed = true;
            return wasOpen;
        });
        if (first) {
            runner.close();
            locked(store::save);
        }
    }

    // ---- back door for tests ----

    /** Writes {@code data} straight into main flash (at 0x08000000) or the option bytes, no FPEC rule, and persists it. */
    public void loadFlash(int address, byte[] data) {
        locked(() -> {
            System.arraycopy(data, 0, array(address, data.length), offset(address), data.length);
            store.save();
        });
    }

    /** Reads main flash (at 0x08000000) or option bytes directly, whatever the protection. */
    public byte[] readFlash(int address, int length) {
        return locked(() -> Arrays.copyOfRange(array(address, length), offset(address), offset(address) + length));
    }

    private byte[] array(int address, int length) {
        if (address >= OPTION_BYTES_BASE && address + length <= OPTION_BYTES_BASE + FlashStore.OPTION_BYTES) {
            return store.options();
        }
        if (address >= FLASH_BASE && address + length <= FLASH_BASE + FLASH_SIZE && length >= 0) {
            return store.flash();
        }
        throw new IllegalArgumentException(String.format("0x%08X+%d is not flash or option bytes", address, length));
    }

    private static int offset(int address) {
        return address >= OPTION_BYTES_BASE ? address - OPTION_BYTES_BASE : address - FLASH_BASE;
    }

    public void writeRam(int address, byte[] data) {
        checkRam(address, data.length);
        locked(() -> System.arraycopy(data, 0, sram.bytes(), address - SRAM_BASE, data.length));
    }

    public byte[] readRam(int address, int length) {
        checkRam(address, length);
        return locked(() -> Arrays.copyOfRange(sram.bytes(), address - SRAM_BASE, address - SRAM_BASE + length));
    }

    private static void checkRam(int address, int length) {
        if (address < SRAM_BASE || address + length > SRAM_BASE + SRAM_SIZE || length < 0) {
            throw new IllegalArgumentException(String.format("0x%08X+%d is not SRAM", address, length));
        }
    }

    /** Back to the factory state (flash erased, option bytes as shipped), deletes the persisted file, resets. */
    public void resetState() {
        locked(() -> {
            store.wipe();
            core.requestSystemReset();
        });
    }

    /** A system reset, as SYSRESETREQ: core and peripherals; the FPEC relocks and reloads the option bytes. */
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

    /** Enables halting debug and requests a halt; returns whether the core is halted. */
    public boolean halt() {
        return locked(() -> {
            core.setDebugEnabled(true);
            core.requestHalt();
            return core.debug().halted();
        });
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
     * SP, LR = {@code returnAddress} (a BKPT, Thumb bit set), PC = {@code entry}, xPSR = T, then
     * runs until halted. Returns R0; throws if the core did not halt at the return address.
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
     * With false the core runs only while modelled time elapses on its clock (in lockstep with a
     * probe's link), never on its own. {@link #runUntilHalted} needs the default, true.
     */
    public void setMayRunFree(boolean mayRunFree) {
        locked(() -> runner.setMayRunFree(mayRunFree));
    }

    /** Whether the FPEC is busy (FLASH_SR.BSY). */
    public boolean flashBusy() {
        return locked(fpec::busy);
    }

    /** Whether read-out protection is active (FLASH_OBR.RDPRT, loaded at the last reset). */
    public boolean readProtected() {
        return locked(fpec::readProtected);
    }

    /** Processor cycles executed since creation. */
    public long cycles() {
        return locked(core::cycles);
    }
}
