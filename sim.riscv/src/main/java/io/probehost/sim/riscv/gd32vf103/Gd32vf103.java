package io.probehost.sim.riscv.gd32vf103;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.mcu.bus.LittleEndian;
import io.probehost.sim.mcu.bus.Memory;
import io.probehost.sim.mcu.bus.PlainRegisters;
import io.probehost.sim.mcu.bus.SystemBus;
import io.probehost.sim.mcu.cpu.CoreRunner;
import io.probehost.sim.mcu.fpec.FlashGeometry;
import io.probehost.sim.mcu.fpec.FlashPort;
import io.probehost.sim.mcu.fpec.FlashStore;
import io.probehost.sim.mcu.fpec.Fpec;
import io.probehost.sim.mcu.fpec.OptionBytePort;
import io.probehost.sim.riscv.DebugState;
import io.probehost.sim.riscv.Eclic;
import io.probehost.sim.riscv.HaltCause;
import io.probehost.sim.riscv.Hart;
import io.probehost.sim.riscv.HartIdentity;
import io.probehost.sim.riscv.MisalignedAccess;
import io.probehost.sim.riscv.TrapCause;
import io.probehost.sim.riscv.debug.DebugModule;
import io.probehost.sim.riscv.debug.DebugModuleInterface;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * A virtual GD32VF103CB: the RV32IMAC hart (Bumblebee IDs, misaligned accesses trap, 4 triggers)
 * at 108 MHz on its own thread ({@link CoreRunner}), 128 KiB flash at 0x08000000 aliased at 0
 * (boot from flash: the reset vector is 0), 32 KiB SRAM, the FMC (the shared FPEC model, word
 * programming), option bytes, the flash and SRAM sizes at 0x1FFFF7E0, DBG (ID, CTL, the
 * undocumented system reset), a minimal RCU, the timer unit (mtime, mtimecmp, msip), the ECLIC
 * (timer and software interrupts; no SoC source raises one) and the other peripherals as plain
 * registers. The Debug Module (behind {@link DebugModuleInterface}, for a JTAG DTM with IDCODE
 * {@link #JTAG_IDCODE}) follows the real chip: no system bus access, memory only through a halted
 * hart; its {@code ndmreset} resets nothing, as on the real part.
 * Flash persists in {@code stateDir} like the other lab chips. All public methods are thread-safe.
 */
public final class Gd32vf103 implements DebugModuleInterface, AutoCloseable {
    public static final FlashGeometry GEOMETRY = FlashGeometry.GD32VF103_B;
    public static final int FLASH_BASE = FlashPort.MAIN_BASE;
    public static final int FLASH_SIZE = GEOMETRY.flashBytes();
    public static final int OPTION_BYTES_BASE = OptionBytePort.BASE;
    public static final int SRAM_BASE = 0x2000_0000;
    public static final int SRAM_SIZE = 32 * 1024;
    public static final long CPU_HZ = Hart.GD32VF103_CLOCK_HZ;
    /** The RISC-V DTM's IDCODE, as OpenOCD's target/gd32vf103.cfg expects it. */
    public static final int JTAG_IDCODE = 0x1000_563D;
    public static final int TRIGGERS = 4;
    public static final int DBG_ID = Dbg.ID_VALUE;
    /** misa RV32ACIMUX and marchid as the Bumblebee core reports them; mvendorid and mimpid unconfirmed (0). */
    public static final HartIdentity IDENTITY = new HartIdentity(0x4090_1105, 0, 0x8000_0022, 0, 0);
    static final String STATE_FILE = "gd32vf103cb-nvm.bin";
    private static final int SYSTEM_MEMORY_BASE = 0x1FFF_F000;
    private static final int SYSTEM_MEMORY_SIZE = 0x800;
    private static final int MEMORY_DENSITY_OFFSET = 0x7E0;
    private static final int PERIPHERAL_BASE = 0x4000_0000;
    private static final int PERIPHERAL_SIZE = 0x2_4000;

    private final VirtualClock clock = new VirtualClock();
    private final SystemBus bus = new SystemBus();
    private final Memory sram = new Memory(SRAM_SIZE);
    private final Eclic eclic = new Eclic();
    private final FlashStore store;
    private final Fpec fmc;
    private final Hart hart;
    private final DebugModule debugModule;
    private final MachineTimer timer;
    private final List<PlainRegisters> peripherals;
    private final CoreRunner runner;
    private boolean resetHeld;
    private boolean systemResetPending;

    private Gd32vf103(Path stateDirOrNull) {
        store = new FlashStore(GEOMETRY, stateDirOrNull, STATE_FILE);
        fmc = new Fpec(GEOMETRY, store, clock);
        hart = new Hart(bus, clock, MisalignedAccess.TRAP, IDENTITY, CPU_HZ, TRIGGERS);
        hart.attachEclic(eclic);
        debugModule = new DebugModule(hart, bus, asserted -> { });
        timer = new MachineTimer(clock, hart);
        FlashPort flash = new FlashPort(store, fmc);
        Rcu rcu = new Rcu();
        PlainRegisters otherPeripherals = new PlainRegisters();
        bus.map(0, FLASH_SIZE, flash)
                .map(FLASH_BASE, FLASH_SIZE, flash)
                .map(SYSTEM_MEMORY_BASE, SYSTEM_MEMORY_SIZE, systemMemory())
                .map(OPTION_BYTES_BASE, FlashStore.OPTION_BYTES, new OptionBytePort(store, fmc))
                .map(SRAM_BASE, SRAM_SIZE, sram)
                .map(Fpec.BASE, 0x400, fmc)
                .map(Rcu.BASE, 0x400, rcu)
                .map(PERIPHERAL_BASE, PERIPHERAL_SIZE, otherPeripherals)
                .map(MachineTimer.BASE, MachineTimer.SIZE, timer)
                .map(Eclic.BASE, Eclic.SIZE, eclic)
                .map(Dbg.BASE, 0x1000, new Dbg(() -> systemResetPending = true));
        peripherals = List.of(rcu, otherPeripherals);
        runner = new CoreRunner(new Processor(), clock, "gd32vf103-hart");
        clock.setPacer(runner::runFor);
        systemReset();
        runner.start();
    }

    /** A new chip whose flash and option bytes persist in {@code stateDirOrNull} (null: nothing persists). */
    public static Gd32vf103 create(Path stateDirOrNull) {
        return new Gd32vf103(stateDirOrNull);
    }

    /** 0x1FFFF7E0: flash KiB (15:0) and SRAM KiB (31:16); the rest (boot loader, unique ID) reads erased. */
    private static MemoryPort systemMemory() {
        byte[] content = new byte[SYSTEM_MEMORY_SIZE];
        Arrays.fill(content, (byte) 0xFF);
        LittleEndian.put(content, MEMORY_DENSITY_OFFSET, 2, FLASH_SIZE / 1024);
        LittleEndian.put(content, MEMORY_DENSITY_OFFSET + 2, 2, SRAM_SIZE / 1024);
        return new MemoryPort() {
            @Override
            public int read(int offset, AccessSize size) {
                return LittleEndian.get(content, offset, size.bytes());
            }

            @Override
            public void write(int offset, AccessSize size, int value) throws BusFault {
                throw new BusFault(SYSTEM_MEMORY_BASE + offset, "system memory is read-only");
            }
        };
    }

    /** The whole chip but the Debug Module's own state and DBG_CTL: peripherals, timer, hart (to pc 0). */
    private void systemReset() {
        fmc.reset();
        peripherals.forEach(PlainRegisters::reset);
        eclic.reset();
        timer.reset();
        hart.reset(0);
        debugModule.hartReset();
    }

    /** What the runner steps: the hart, the timer's interrupt line, pending resets, sleeps until the timer fires. */
    private final class Processor implements CoreRunner.Steppable {
        @Override
        public boolean canRun() {
            return systemResetPending || !resetHeld && (hart.canRun() || timerWakesHart());
        }

        /** Asleep in WFI with the machine timer interrupt enabled and the timer armed. */
        private boolean timerWakesHart() {
            return hart.waitingForInterrupt() && !hart.halted() && timer.armed()
                    && hart.interruptEnabled(TrapCause.MACHINE_TIMER_INTERRUPT);
        }

        @Override
        public void step() {
            if (systemResetPending) {
                systemResetPending = false;
                systemReset();
                return;
            }
            if (!hart.canRun()) {
                hart.syncClock();
                clock.advanceTo(timer.deadlineNanos()); // asleep in WFI until the timer fires
            }
            timer.update();
            hart.step();
        }
    }

    private <T> T locked(Supplier<T> action) {
        return runner.locked(action);
    }

    private void locked(Runnable action) {
        runner.locked(action);
    }

    // ---- DebugModuleInterface: the DTM's view ----

    @Override
    public int addressBits() {
        return DebugModule.ADDRESS_BITS;
    }

    @Override
    public int read(int address) {
        return locked(() -> debugModule.read(address));
    }

    @Override
    public void write(int address, int value) {
        locked(() -> debugModule.write(address, value));
    }

    /** SRST: the system is reset when the pin is asserted and again when it is released; meanwhile the hart is unavailable. */
    @Override
    public void setResetPinAsserted(boolean asserted) {
        locked(() -> {
            if (asserted == resetHeld) {
                return;
            }
            resetHeld = asserted;
            debugModule.setHartUnavailable(asserted);
            systemReset();
        });
    }

    @Override
    public VirtualClock clock() {
        return clock;
    }

    @Override
    public void close() {
        runner.close(store::save);
    }

    // ---- back door for tests ----

    /** Writes {@code data} into main flash (no FMC rule) and persists it. */
    public void loadFlash(int address, byte[] data) {
        locked(() -> {
            store.flash().load(flashOffset(address, data.length), data);
            store.save();
        });
    }

    public byte[] readFlash(int address, int length) {
        int offset = flashOffset(address, length);
        return locked(() -> store.flash().copy(offset, length));
    }

    private static int flashOffset(int address, int length) {
        if (address < FLASH_BASE || length < 0 || address + length > FLASH_BASE + FLASH_SIZE) {
            throw new IllegalArgumentException(String.format("0x%08X+%d is not main flash", address, length));
        }
        return address - FLASH_BASE;
    }

    public byte[] readRam(int address, int length) {
        if (address < SRAM_BASE || length < 0 || address + length > SRAM_BASE + SRAM_SIZE) {
            throw new IllegalArgumentException(String.format("0x%08X+%d is not SRAM", address, length));
        }
        return locked(() -> sram.copy(address - SRAM_BASE, length));
    }

    /** A system reset, as the DBG reset register gives it. */
    public void reset() {
        locked(this::systemReset);
    }

    /** Flash erased, option bytes as shipped, persisted file deleted; then a system reset. */
    public void resetState() {
        locked(() -> {
            store.wipe();
            systemReset();
        });
    }

    public boolean isHalted() {
        return locked(hart::halted);
    }

    /** Why the hart last entered Debug Mode, or null. */
    public HaltCause haltCause() {
        return locked(hart::haltCause);
    }

    /** x{@code index} of the hart. */
    public int register(int index) {
        return locked(() -> hart.register(index));
    }

    /** The hart's pc (while halted: where it resumes, dpc). */
    public int pc() {
        return locked(() -> hart.halted() ? hart.readCsr(DebugState.DPC) : hart.pc());
    }

    public long cycles() {
        return locked(hart::cycles);
    }

    /** With false the hart runs only while a link lets modelled time pass (see CoreRunner). */
    public void setMayRunFree(boolean mayRunFree) {
        locked(() -> runner.setMayRunFree(mayRunFree));
    }
}
