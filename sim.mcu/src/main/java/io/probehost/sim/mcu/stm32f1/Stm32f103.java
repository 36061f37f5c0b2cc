package io.probehost.sim.mcu.stm32f1;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.ChipBase;
import io.probehost.sim.mcu.DebuggableMcu;
import io.probehost.sim.mcu.bench.CortexMTestMachine;
import io.probehost.sim.mcu.bus.BitBandAlias;
import io.probehost.sim.mcu.bus.Memory;
import io.probehost.sim.mcu.bus.PlainRegisters;
import io.probehost.sim.mcu.cpu.Profile;
import io.probehost.sim.mcu.fpec.FlashGeometry;
import io.probehost.sim.mcu.fpec.FlashPort;
import io.probehost.sim.mcu.fpec.FlashStore;
import io.probehost.sim.mcu.fpec.Fpec;
import io.probehost.sim.mcu.fpec.OptionBytePort;
import io.probehost.sim.mcu.scs.BreakpointUnit;
import io.probehost.sim.mcu.scs.DataWatchpointUnit;
import io.probehost.sim.mcu.scs.DebugUnits;
import io.probehost.sim.mcu.scs.IdentifiedComponent;
import io.probehost.sim.mcu.scs.InstrumentationTrace;
import io.probehost.sim.mcu.scs.RomTable;
import io.probehost.sim.mcu.scs.SystemControlSpace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A virtual STM32F103RB (medium density): a Cortex-M3 on its own thread, 128 KiB flash at
 * 0x08000000 aliased at 0 (boot from flash), 20 KiB SRAM, the FPEC with option bytes and read-out
 * protection, system memory (flash size, unique ID), DBGMCU (read as 0 by the core, as the
 * erratum says), a minimal RCC, IWDG and the other
 * peripherals as plain registers. With read-out protection active the debug bus faults on reads of
 * flash. Besides the {@link DebuggableMcu} view it offers back-door methods for tests; all methods
 * are thread-safe.
 */
public final class Stm32f103 extends ChipBase {
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

    private final FlashStore store;
    private final Fpec fpec;
    private final List<PlainRegisters> peripherals;
    private final Dbgmcu dbgmcu = new Dbgmcu();

    private Stm32f103(Path stateDir) {
        super("stm32f103-cpu", Profile.ARMV7M, CPU_HZ, SRAM_BASE, SRAM_SIZE, "SRAM");
        store = new FlashStore(GEOMETRY, stateDir, STATE_FILE);
        fpec = new Fpec(GEOMETRY, store, clock);
        BreakpointUnit fpb = BreakpointUnit.cortexM3();
        DataWatchpointUnit dwt = new DataWatchpointUnit(core);
        core.setComparators(new DebugUnits(fpb, dwt));
        InstrumentationTrace itm = new InstrumentationTrace();
        core.setUnprivilegedStimulusPorts(itm::unprivilegedAccessAllowed);
        FlashPort flash = new FlashPort(store, fpec);
        Rcc rcc = new Rcc();
        PlainRegisters iwdg = new PlainRegisters(Map.of(0x8, 0xFFF));
        PlainRegisters otherPeripherals = new PlainRegisters();
        bus.map(0, FLASH_SIZE, flash)
                .map(FLASH_BASE, FLASH_SIZE, flash)
                .map(SystemMemory.BASE, SystemMemory.SIZE, new SystemMemory(FLASH_SIZE / 1024, UNIQUE_ID))
                .map(OPTION_BYTES_BASE, FlashStore.OPTION_BYTES, new OptionBytePort(store, fpec))
                .map(SRAM_BASE, SRAM_SIZE, ram())
                .map(Fpec.BASE, 0x400, fpec)
                .map(Rcc.BASE, 0x400, rcc)
                .map(IWDG_BASE, 0x400, iwdg)
                .map(PERIPHERAL_BASE, PERIPHERAL_SIZE, otherPeripherals)
                .map(BitBandAlias.SRAM_ALIAS, BitBandAlias.ALIAS_SIZE, new BitBandAlias(bus, BitBandAlias.SRAM_TARGET))
                .map(BitBandAlias.PERIPHERAL_ALIAS, BitBandAlias.ALIAS_SIZE,
                        new BitBandAlias(bus, BitBandAlias.PERIPHERAL_TARGET))
                .map(InstrumentationTrace.BASE, 0x1000, itm)
                .map(IdentifiedComponent.TPIU_BASE, 0x1000, IdentifiedComponent.cortexM3Tpiu())
                .map(IdentifiedComponent.ETM_BASE, 0x1000, IdentifiedComponent.cortexM3Etm())
                .map(DataWatchpointUnit.BASE, 0x1000, dwt)
                .map(BreakpointUnit.BASE, 0x1000, fpb)
                .map(SystemControlSpace.BASE, 0x1000, new SystemControlSpace(core))
                .map(Dbgmcu.BASE, 0x1000, dbgmcu.coreView())
                .map(RomTable.BASE, 0x1000, RomTable.cortexM3());
        peripherals = List.of(rcc, iwdg, otherPeripherals);
        powerOn();
    }

    /** A new MCU whose flash and option bytes persist in {@code stateDirOrNull} (null: nothing persists). */
    public static Stm32f103 create(Path stateDirOrNull) {
        return new Stm32f103(stateDirOrNull);
    }

    /** System reset of the peripherals; DBGMCU_CR keeps its value (power-on reset only). */
    @Override
    protected void resetPeripherals() {
        fpec.reset();
        peripherals.forEach(PlainRegisters::reset);
    }

    private static boolean isFlash(int address) {
        return Integer.compareUnsigned(address, FLASH_SIZE) < 0
                || Integer.compareUnsigned(address - FLASH_BASE, FLASH_SIZE) < 0;
    }

    /** Flash unreadable under read-out protection; DBGMCU as the debugger sees it. */
    @Override
    protected int debugRead(int address, AccessSize size) throws BusFault {
        if (fpec.readProtected() && isFlash(address)) {
            throw new BusFault(address, "flash is read-out protected");
        }
        if (Integer.compareUnsigned(address - Dbgmcu.BASE, 0x1000) < 0) {
            return dbgmcu.read(address - Dbgmcu.BASE, size); // the debugger's view of DBGMCU
        }
        return bus.read(address, size);
    }

    /** Main flash (at 0x08000000) or the option bytes, no FPEC rule. */
    @Override
    protected Memory nvmMemory(int address, int length) {
        if (address >= OPTION_BYTES_BASE && address + length <= OPTION_BYTES_BASE + FlashStore.OPTION_BYTES) {
            return store.options();
        }
        if (address >= FLASH_BASE && address + length <= FLASH_BASE + FLASH_SIZE && length >= 0) {
            return store.flash();
        }
        throw new IllegalArgumentException(String.format("0x%08X+%d is not flash or option bytes", address, length));
    }

    @Override
    protected int nvmOffset(int address) {
        return address >= OPTION_BYTES_BASE ? address - OPTION_BYTES_BASE : address - FLASH_BASE;
    }

    @Override
    protected void saveNvm() {
        store.save();
    }

    /** Flash erased, option bytes as shipped. */
    @Override
    protected void wipeNvm() {
        store.wipe();
    }

    // ---- back door for tests, besides ChipBase's ----

    /** Whether the FPEC is busy (FLASH_SR.BSY). */
    public boolean flashBusy() {
        return locked(fpec::busy);
    }

    /** Whether read-out protection is active (FLASH_OBR.RDPRT, loaded at the last reset). */
    public boolean readProtected() {
        return locked(fpec::readProtected);
    }
}
