package io.probehost.sim.mcu.bench;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.mcu.bus.BitBandAlias;
import io.probehost.sim.mcu.bus.Memory;
import io.probehost.sim.mcu.bus.SystemBus;
import io.probehost.sim.mcu.cpu.Core;
import io.probehost.sim.mcu.cpu.Profile;
import io.probehost.sim.mcu.scs.BreakpointUnit;
import io.probehost.sim.mcu.scs.DataWatchpointUnit;
import io.probehost.sim.mcu.scs.DebugUnits;
import io.probehost.sim.mcu.scs.IdentifiedComponent;
import io.probehost.sim.mcu.scs.InstrumentationTrace;
import io.probehost.sim.mcu.scs.RomTable;
import io.probehost.sim.mcu.scs.SystemControlSpace;

/**
 * The smallest machine a lab core runs firmware on: flash at {@code flashBase} (aliased at 0,
 * where the core reads its vectors), SRAM at 0x20000000, the System Control Space and the debug
 * components of the profile's core (Cortex-M0: DWT, BPU, ROM table; Cortex-M3: DWT with CYCCNT,
 * FPB, ITM, the IDs of TPIU and ETM, ROM table; and the Cortex-M3's bit-band aliases of SRAM and peripherals); no
 * peripherals, no chip. Runs on the caller's thread, no debugger attached.
 */
public final class CortexMTestMachine {
    public static final int SRAM_BASE = 0x2000_0000;
    /** STM32F100 as QEMU's stm32vldiscovery models it: 128 KiB flash at 0x08000000, 8 KiB SRAM. */
    public static final int STM32_FLASH_BASE = 0x0800_0000;

    private final Memory flash;
    private final Memory sram;
    private final SystemBus bus;
    private final VirtualClock clock = new VirtualClock();
    private final Core core;
    private final InstrumentationTrace itm = new InstrumentationTrace();

    /** The STM32F1's core clock: the lab keeps real time at this rate. */
    public static final long STM32F1_CPU_HZ = 72_000_000;

    public CortexMTestMachine(Profile profile, int flashBase, int flashBytes, int sramBytes) {
        this.flash = new Memory(flashBytes);
        this.sram = new Memory(sramBytes);
        this.bus = new SystemBus();
        this.core = new Core(bus, clock, profile, profile == Profile.ARMV7M ? STM32F1_CPU_HZ : Core.CPU_HZ);
        bus.map(0, flashBytes, flash);
        if (flashBase != 0) {
            bus.map(flashBase, flashBytes, flash);
        }
        boolean armv7m = profile == Profile.ARMV7M;
        BreakpointUnit bpu = armv7m ? BreakpointUnit.cortexM3() : new BreakpointUnit();
        DataWatchpointUnit dwt = new DataWatchpointUnit(core);
        core.setComparators(new DebugUnits(bpu, dwt));
        bus.map(SRAM_BASE, sramBytes, sram)
                .map(SystemControlSpace.BASE, 0x1000, new SystemControlSpace(core))
                .map(DataWatchpointUnit.BASE, 0x1000, dwt)
                .map(BreakpointUnit.BASE, 0x1000, bpu)
                .map(RomTable.BASE, 0x1000, armv7m ? RomTable.cortexM3() : new RomTable());
        if (armv7m) {
            core.setUnprivilegedStimulusPorts(itm::unprivilegedAccessAllowed);
            bus.map(InstrumentationTrace.BASE, 0x1000, itm)
                    .map(IdentifiedComponent.TPIU_BASE, 0x1000, IdentifiedComponent.cortexM3Tpiu())
                    .map(IdentifiedComponent.ETM_BASE, 0x1000, IdentifiedComponent.cortexM3Etm())
                    .map(BitBandAlias.SRAM_ALIAS, BitBandAlias.ALIAS_SIZE, new BitBandAlias(bus, BitBandAlias.SRAM_TARGET))
                    .map(BitBandAlias.PERIPHERAL_ALIAS, BitBandAlias.ALIAS_SIZE,
                            new BitBandAlias(bus, BitBandAlias.PERIPHERAL_TARGET));
        }
    }

    /** A Cortex-M3 with the memory of QEMU's stm32vldiscovery board. */
    public static CortexMTestMachine stm32f100() {
        return new CortexMTestMachine(Profile.ARMV7M, STM32_FLASH_BASE, 128 * 1024, 8 * 1024);
    }

    /** Copies an image into flash and resets the core, which then starts from the vector table. */
    public void load(byte[] image) {
        flash.load(0, image);
        core.powerOnReset();
    }

    /** The ITM (Cortex-M3 only): set a listener to see stimulus port writes. */
    public InstrumentationTrace itm() {
        return itm;
    }

    /** Reads the system bus as the core sees it (debug components included). */
    public int readBus(int address) {
        try {
            return bus.read(address, AccessSize.WORD);
        } catch (BusFault e) {
            throw new IllegalArgumentException(e);
        }
    }

    public void writeBus(int address, int value) {
        try {
            bus.write(address, AccessSize.WORD, value);
        } catch (BusFault e) {
            throw new IllegalArgumentException(e);
        }
    }

    public Core core() {
        return core;
    }

    /** The virtual clock the core advances. */
    public VirtualClock clock() {
        return clock;
    }

    /** Runs for at most {@code cycles} core cycles; returns the cycles actually run. */
    public long run(long cycles) {
        long start = core.cycles();
        long end = start + cycles;
        while (core.cycles() < end && core.canRun()) {
            core.step();
        }
        return core.cycles() - start;
    }

    public int readWord(int address) {
        return sram.read(address - SRAM_BASE, AccessSize.WORD);
    }

    public int[] readWords(int address, int count) {
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            words[i] = readWord(address + 4 * i);
        }
        return words;
    }
}
