package io.probehost.sim.mcu.bus;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.MemoryPort;

/**
 * A Cortex-M3 bit-band alias region (32 MiB) over the 1 MiB at {@code targetBase}: the word at
 * alias offset 32 * byte + 4 * bit reads that bit as 0 or 1, and a write stores value bit 0 into
 * it by a read-modify-write of the target. The target is accessed with the size of the alias access
 * (a word alias access reads and writes the aligned target word holding the bit), so peripherals
 * that take word writes only can be bit-banded. Mapped at 0x22000000 for SRAM and 0x42000000 for
 * peripherals; the target is reached through {@code bus}, so it sees the same devices the core does.
 */
public final class BitBandAlias implements MemoryPort {
    public static final int SRAM_ALIAS = 0x2200_0000;
    public static final int SRAM_TARGET = 0x2000_0000;
    public static final int PERIPHERAL_ALIAS = 0x4200_0000;
    public static final int PERIPHERAL_TARGET = 0x4000_0000;
    public static final int ALIAS_SIZE = 32 << 20;

    private final MemoryPort bus;
    private final int targetBase;

    public BitBandAlias(MemoryPort bus, int targetBase) {
        this.bus = bus;
        this.targetBase = targetBase;
    }

    @Override
    public int read(int offset, AccessSize size) throws BusFault {
        return (bus.read(unit(offset, size), size) >>> bit(offset, size)) & 1;
    }

    @Override
    public void write(int offset, AccessSize size, int value) throws BusFault {
        int unit = unit(offset, size);
        int bit = bit(offset, size);
        int old = bus.read(unit, size);
        bus.write(unit, size, (value & 1) != 0 ? old | (1 << bit) : old & ~(1 << bit));
    }

    /** The target address of the {@code size} unit holding the aliased bit. */
    private int unit(int offset, AccessSize size) {
        return (targetBase + (offset >>> 5)) & -size.bytes();
    }

    /** The aliased bit's position in that unit. */
    private static int bit(int offset, AccessSize size) {
        return ((offset >>> 5) & (size.bytes() - 1)) * 8 + ((offset >>> 2) & 7);
    }
}
