package io.probehost.sim.mcu.fpec;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.MemoryPort;

/** The 16 option bytes at 0x1FFFF800 as stored (value and complement); stores go to the FPEC. */
public final class OptionBytePort implements MemoryPort {
    public static final int BASE = 0x1FFF_F800;
    private final FlashStore store;
    private final Fpec fpec;

    public OptionBytePort(FlashStore store, Fpec fpec) {
        this.store = store;
        this.fpec = fpec;
    }

    @Override
    public int read(int offset, AccessSize size) {
        fpec.stallUntilReady();
        return store.options.read(offset, size);
    }

    @Override
    public void write(int offset, AccessSize size, int value) throws BusFault {
        fpec.programOptionByte(offset, size, value);
    }
}
