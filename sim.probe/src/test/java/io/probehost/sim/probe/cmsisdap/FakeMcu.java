package io.probehost.sim.probe.cmsisdap;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.DebuggableMcu;
import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.mcu.VirtualClock;

/** A microcontroller reduced to 4 KiB of RAM at 0x2000_0000, for tests of the real SWJ-DP behind the probe. */
final class FakeMcu implements DebuggableMcu {
    static final int RAM_BASE = 0x2000_0000;
    final VirtualClock clock = new VirtualClock();
    final int[] ram = new int[1024];
    volatile boolean resetAsserted;
    private volatile boolean debugPowered;

    private final MemoryPort bus = new MemoryPort() {
        @Override
        public int read(int address, AccessSize size) throws BusFault {
            int word = ram[index(address)];
            return (word >>> (8 * (address & 3))) & size.mask();
        }

        @Override
        public void write(int address, AccessSize size, int value) throws BusFault {
            int i = index(address);
            int shift = 8 * (address & 3);
            int mask = size.mask() << shift;
            ram[i] = (ram[i] & ~mask) | ((value << shift) & mask);
        }
    };

    private static int index(int address) throws BusFault {
        int offset = address - RAM_BASE;
        if (offset < 0 || offset >= 4096) {
            throw new BusFault(address, "nothing mapped");
        }
        return offset >>> 2;
    }

    @Override
    public MemoryPort debugBus() {
        return bus;
    }

    @Override
    public int romTableBase() {
        return 0xE00F_F003;
    }

    @Override
    public void setResetPinAsserted(boolean asserted) {
        resetAsserted = asserted;
    }

    @Override
    public void setDebugPowerRequested(boolean requested) {
        debugPowered = requested;
    }

    @Override
    public boolean isDebugPowered() {
        return debugPowered;
    }

    @Override
    public VirtualClock clock() {
        return clock;
    }

    @Override
    public void close() {
    }
}
