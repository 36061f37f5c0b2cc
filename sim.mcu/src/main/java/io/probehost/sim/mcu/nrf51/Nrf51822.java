package io.probehost.sim.mcu.nrf51;

import io.probehost.sim.mcu.ChipBase;
import io.probehost.sim.mcu.DebuggableMcu;
import io.probehost.sim.mcu.bus.Memory;
import io.probehost.sim.mcu.bus.PlainRegisters;
import io.probehost.sim.mcu.cpu.Core;
import io.probehost.sim.mcu.cpu.DebugState;
import io.probehost.sim.mcu.cpu.Profile;
import io.probehost.sim.mcu.scs.BreakpointUnit;
import io.probehost.sim.mcu.scs.DataWatchpointUnit;
import io.probehost.sim.mcu.scs.DebugUnits;
import io.probehost.sim.mcu.scs.RomTable;
import io.probehost.sim.mcu.scs.SystemControlSpace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A virtual nRF51822 QFAA: a Cortex-M0 at 16 MHz on its own thread, 256 KiB flash, 16 KiB RAM,
 * FICR, UICR, NVMC and minimal POWER/CLOCK, UART0 (transmit), TIMER0-2, RNG, WDT and GPIO. Besides the {@link DebuggableMcu}
 * view it offers back-door methods for tests; all methods are thread-safe.
 */
public final class Nrf51822 extends ChipBase {
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

    private final NonVolatileMemory nvm;
    private final Nvmc nvmc;
    private final BreakpointUnit bpu = new BreakpointUnit();
    private final DataWatchpointUnit dwt;
    private final Uart uart = new Uart();
    private final Gpio gpio = new Gpio();
    private final List<PlainRegisters> plainPeripherals;
    private final List<Timer> timers = new java.util.ArrayList<>();

    private Nrf51822(Path stateDir) {
        super("nrf51822-cpu", Profile.ARMV6M, Core.CPU_HZ, RAM_BASE, RAM_SIZE, "RAM");
        nvm = new NonVolatileMemory(stateDir);
        nvmc = new Nvmc(nvm, clock);
        dwt = new DataWatchpointUnit(core);
        core.setComparators(new DebugUnits(bpu, dwt));
        ClockPower clockPower = new ClockPower();
        PlainRegisters watchdog = new PlainRegisters(Map.of(0x404, 1, 0x504, 0xFFFF_FFFF, 0x508, 1, 0x50C, 1));
        PlainRegisters nordicIds = new PlainRegisters(Map.of(0xFE0, 0x01, 0xFE4, 0x00, 0xFE8, 0x40, 0xFEC, 0x00));
        bus.map(RAM_BASE, RAM_SIZE, ram())
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
        List<PlainRegisters> plain = new java.util.ArrayList<>(List.of(clockPower, uart, watchdog, rng));
        for (int id : TIMER_IDS) {
            Timer timer = new Timer(id, irq -> core.exceptions().setPendingIrqs(1 << irq, true), clock);
            bus.map(PERIPHERAL_BASE + id * 0x1000, 0x1000, timer);
            core.addClockedDevice(timer);
            timers.add(timer);
        }
        for (int id : PERIPHERAL_IDS) {
            PlainRegisters registers = new PlainRegisters();
            bus.map(PERIPHERAL_BASE + id * 0x1000, 0x1000, registers);
            plain.add(registers);
        }
        plainPeripherals = plain;
        powerOn();
    }

    /** A new MCU whose flash and UICR persist in {@code stateDirOrNull} (null: nothing persists). */
    public static Nrf51822 create(Path stateDirOrNull) {
        return new Nrf51822(stateDirOrNull);
    }

    @Override
    protected void resetPeripherals() {
        nvmc.reset();
        gpio.reset();
        timers.forEach(Timer::reset);
        plainPeripherals.forEach(PlainRegisters::reset);
    }

    /** Flash or UICR. */
    @Override
    protected Memory nvmMemory(int address, int length) {
        if (address >= UICR_BASE && address + length <= UICR_BASE + UICR_SIZE) {
            return nvm.uicr;
        }
        if (address >= FLASH_BASE && address + length <= FLASH_SIZE) {
            return nvm.flash;
        }
        throw new IllegalArgumentException(String.format("0x%08X+%d is not flash or UICR", address, length));
    }

    @Override
    protected int nvmOffset(int address) {
        return address >= UICR_BASE ? address - UICR_BASE : address;
    }

    @Override
    protected void saveNvm() {
        nvm.save();
    }

    @Override
    protected void wipeNvm() {
        nvm.wipe();
    }

    // ---- back door for tests, besides ChipBase's ----

    /** DFSR: why the core last halted (bits as {@link DebugState}.DFSR_*). */
    public int haltReason() {
        return locked(() -> core.debug().dfsr());
    }

    /** Whether the NVMC is idle (its READY register reads 1). */
    public boolean nvmcReady() {
        return locked(nvmc::ready);
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
