package io.probehost.sim.mcu.fpec;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.bus.DecodeTable;
import io.probehost.sim.mcu.bus.DirectMemory;

/**
 * The bus view of main flash (at 0x08000000 and its boot alias at 0): reads wait for the FPEC's
 * operation in flight, stores go to the FPEC as program requests.
 */
public final class FlashPort implements DirectMemory {
    public static final int MAIN_BASE = 0x0800_0000;
    private final FlashStore store;
    private final Fpec fpec;

    public FlashPort(FlashStore store, Fpec fpec) {
        this.store = store;
        this.fpec = fpec;
    }

    @Override
    public int read(int offset, AccessSize size) {
        fpec.stallUntilReady();
        return store.flash.read(offset, size);
    }

    @Override
    public void write(int offset, AccessSize size, int value) throws BusFault {
        fpec.programFlash(offset, size, value);
    }

    /** Readable in place unless a read would wait for the FPEC's operation or complete it (EOP). */
    @Override
    public byte[] directBytes() {
        return fpec.atRest() ? store.flash.directBytes() : null;
    }

    @Override
    public boolean writesDirectly() {
        return false;
    }

    @Override
    public DecodeTable decodeTable() {
        return store.flash.decodeTable();
    }
}
