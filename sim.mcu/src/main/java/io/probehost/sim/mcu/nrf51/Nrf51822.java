package io.probehost.sim.mcu.nrf51;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.DebuggableMcu;
import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.mcu.bus.Memory;
import io.probehost.sim.mcu.bus.SystemBus;
import io.probehost.sim.mcu.cpu.Core;
import io.probehost.sim.mcu.cpu.CoreRegister;
import io.probehost.sim.mcu.cpu.CoreRunner;
import io.probehost.sim.mcu.cpu.DebugState;
import io.probehost.sim.mcu.scs.BreakpointUnit;
import io.probehost.sim.mcu.scs.DataWatchpointUnit;
import io.probehost.sim.mcu.scs.DebugUnits;
import io.probehost.sim.mcu.scs.RomTable;
import io.probehost.sim.mcu.scs.SystemControlSpace;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A virtual nRF51822 QFAA: a Cortex-M0 at 16 MHz on its own thread, 256 KiB flash, 16 KiB RAM,
 * FICR, UICR, NVMC and minimal POWER/CLOCK, UART0 (transmit), TIMER0-2, RNG, WDT and GPIO. Besides the {@link DebuggableMcu}
 * view it offers back-door methods for tests; all methods are thread-safe.
 */
public final class Nrf51822 implements DebuggableMcu {
    public static final int FLASH_BASE = 0;
    public static final int FLASH_SIZE = 256 * 1024;
    public static final int PAGE_SIZE = 1024;
    public static final int UICR_BASE = 0x1000_1000;
    public static final int UICR_SIZE = 1024;
    public static final int FICR_BASE = Ficr.BASE;
    public static final int RAM_BASE = 0x2000_0000;
    public static final int RAM_SIZE = 16 * 1024;
    public static final int NVMC_BASE = Nvmc.BASE;
    private static final int PERIPHERAL_BASE = 0x4000_0000;
    /** Peripheral IDs of the nRF51 with registers (each a 4 KiB slot from 0x40000000). */
    private static final int[] PERIPHERAL_IDS = {1, 3, 4, 6, 7, 11, 12, 14, 15, 17, 18, 19,
        20, 21, 22, 23, 24, 25, 31};
    /** TIMER0-2: peripheral ID = IRQ number. */
    private static final int[] TIMER_IDS = {8, 9, 10};
    private static final int RNG_ID = 13;

    private final VirtualClock clock = new VirtualClock();
    private final SystemBus bus = new SystemBus();
    private final Memory ram = new Memory(RAM_SIZE);
    private final NonVolatileMemory nvm;
    private final Nvmc nvmc;
    private final Core core;
    private final CoreRunner runner;
    private final BreakpointUnit bpu = new BreakpointUnit();
    private final DataWatchpointUnit dwt;
    private final Uart uart = new Uart();
    private final Gpio gpio = new Gpio();
    private final List<RegisterFile> plainPeripherals;
    private final List<Timer> timers = new java.util.ArrayList<>();
    private final MemoryPort debugBus;
    private boolean debugPowered;
    private boolean closed;

    private Nrf51822(Path stateDir) {
        nvm = new NonVolatileMemory(stateDir);
        nvmc = new Nvmc(nvm, clock);
        core = new Core(bus, clock);
        dwt = new DataWatchpointUnit(core);
        core.setComparators(new DebugUnits(bpu, dwt));
        ClockPower clockPower = new ClockPower();
        RegisterFile watchdog = new RegisterFile(Map.of(0x404, 1, 0x504, 0xFFFF_FFFF, 0x508, 1, 0x50C, 1));
        RegisterFile nordicIds = new RegisterFile(Map.of(0xFE0, 0x01, 0xFE4, 0x00, 0xFE8, 0x40, 0xFEC, 0x00));
        bus.map(RAM_BASE, RAM_SIZE, ram)
                .map(FLASH_BASE, FLASH_SIZE, new NorFlashPort(nvm.flash, nvmc))
                .map(Ficr.BASE, Ficr.SIZE, new Ficr())
                .map(UICR_BASE, UICR_SIZE, new NorFlashPort(nvm.uicr, nvmc))
                .map(PERIPHERAL_BASE, 0x1000, clockPower)
                .map(Uart.BASE, 0x1000, uart)
                .map(0x4001_0000, 0x1000, watchdog)
                .map(Nvmc.BASE, 0x1000, nvmc)
                .map(Gpio.BASE, 0x1000, gpio)
                .map(SystemControlSpace.BASE, 0x1000, new SystemControlSpace(core))
                .map(DataWatchpointUnit.BASE, 0x1000, dwt)
                .map(BreakpointUnit.BASE, 0x1000, bpu)
                .map(RomTable.BASE, 0x1000, new RomTable())
                .map(0xF000_0000, 0x1000, nordicIds);
        Rng rng = new Rng();
        bus.map(PERIPHERAL_BASE + RNG_ID * 0x1000, 0x1000, rng);
        List<RegisterFile> plain = new java.util.ArrayList<>(List.of(clockPower, uart, watchdog, rng));
        for (int id : TIMER_IDS) {
            Timer timer = new Timer(id, irq -> core.exceptions().setPendingIrqs(1 << irq, true), clock);
            bus.map(PERIPHERAL_BASE + id * 0x1000, 0x1000, timer);
            core.addClockedDevice(timer);
            timers.add(timer);
        }
        for (int id : PERIPHERAL_IDS) {
            RegisterFile registers = new RegisterFile();
            bus.map(PERIPHERAL_BASE + id * 0x1000, 0x1000, registers);
            plain.add(registers);
        }
        plainPeripherals = plain;
        core.setPeripheralReset(this::resetPeripherals);
        runner = new CoreRunner(core, clock, "nrf51822-cpu");
        clock.setPacer(runner::runFor);
        debugBus = new LockedBus();
        core.powerOnReset();
        runner.start();
    }

    /** A new MCU whose flash and UICR persist in {@code stateDirOrNull} (null: nothing persists). */
    public static Nrf51822 create(Path stateDirOrNull) {
        return new Nrf51822(stateDirOrNull);
    }

    private void resetPeripherals() {
        nvmc.reset();
        gpio.reset();
        timers.forEach(Timer::reset);
        plainPeripherals.forEach(RegisterFile::reset);
    }

    private final class LockedBus implements MemoryPort {
        @Override
        public int read(int address, AccessSize size) throws BusFault {
            ReentrantLock lock = runner.lock();
            lock.lock();
            try {
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
            locked(nvm::save);
        }
    }

    // ---- back door for tests ----

    /** Writes {@code data} straight into flash or UICR (no NOR rule, no NVMC) and persists it. */
    public void loadFlash(int address, byte[] data) {
        locked(() -> {
            byte[] target = nvmArray(address, data.length);
            System.arraycopy(data, 0, target, nvmOffset(address), data.length);
            nvm.save();
        });
    }

    /** Reads flash or UICR content directly. */
    public byte[] readFlash(int address, int length) {
        return locked(() -> Arrays.copyOfRange(nvmArray(address, length), nvmOffset(address),
                nvmOffset(address) + length));
    }

    private byte[] nvmArray(int address, int length) {
        if (address >= UICR_BASE && address + length <= UICR_BASE + UICR_SIZE) {
            return nvm.uicr;
        }
        if (address >= FLASH_BASE && address + length <= FLASH_SIZE) {
            return nvm.flash;
        }
        throw new IllegalArgumentException(String.format("0x%08X+%d is not flash or UICR", address, length));
    }

    private static int nvmOffset(int address) {
        return address >= UICR_BASE ? address - UICR_BASE : address;
    }

    public void writeRam(int address, byte[] data) {
        checkRam(address, data.length);
        locked(() -> System.arraycopy(data, 0, ram.bytes(), address - RAM_BASE, data.length));
    }

    public byte[] readRam(int address, int length) {
        checkRam(address, length);
        return locked(() -> Arrays.copyOfRange(ram.bytes(), address - RAM_BASE, address - RAM_BASE + length));
    }

    private static void checkRam(int address, int length) {
        if (address < RAM_BASE || address + length > RAM_BASE + RAM_SIZE || length < 0) {
            throw new IllegalArgumentException(String.format("0x%08X+%d is not RAM", address, length));
        }
    }

    /** Erases flash and UICR, deletes the persisted file and resets the system. */
    public void resetState() {
        locked(() -> {
            nvm.wipe();
            core.requestSystemReset();
        });
    }

    /** A system reset, as SYSRESETREQ: core and peripherals (an NVMC operation in flight ends), not the debug logic. */
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

    /** Leaves Debug state; the core runs on its thread. */
    public void resume() {
        locked(core::leaveDebug);
    }

    public boolean isHalted() {
        return locked(() -> core.debug().halted());
    }

    /** DFSR: why the core last halted (bits as {@link DebugState}.DFSR_*). */
    public int haltReason() {
        return locked(() -> core.debug().dfsr());
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

    /** Makes the core ignore debugger halt requests (fault injection); the back door still stops it. */
    public void setStuck(boolean stuck) {
        locked(() -> core.setStuck(stuck));
    }

    /**
     * With false the core runs only while modelled time elapses on its clock (in lockstep with a probe's
     * link), never on its own when the link is quiet: for benchmarks and tests whose figures must not
     * depend on pauses of the host. {@link #runUntilHalted} needs the default, true.
     */
    public void setMayRunFree(boolean mayRunFree) {
        locked(() -> runner.setMayRunFree(mayRunFree));
    }

    /** Whether the NVMC is idle (its READY register reads 1). */
    public boolean nvmcReady() {
        return locked(nvmc::ready);
    }

    /** Processor cycles executed since creation. */
    public long cycles() {
        return locked(core::cycles);
    }

    /** Bytes the firmware wrote to UART0's TXD register so far. */
    public byte[] uartOutput() {
        return locked(uart::transmitted);
    }

    /** GPIO OUT register. */
    public int gpioOut() {
        return locked(gpio::out);
    }

    /** Pends external interrupt {@code irq} (0-31) as a peripheral would. */
    public void raiseInterrupt(int irq) {
        locked(() -> core.exceptions().setPendingIrqs(1 << irq, true));
    }
}
