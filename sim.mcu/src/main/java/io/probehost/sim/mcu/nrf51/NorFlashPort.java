package io.probehost.sim.mcu.nrf51;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.bus.DecodeTable;
import io.probehost.sim.mcu.bus.DirectMemory;
import io.probehost.sim.mcu.bus.Memory;

/** The bus view of code flash or UICR: reads anywhere (after the NVMC's operation in flight), word writes go through the NVMC. */
final class NorFlashPort implements DirectMemory {
    private final Memory content;
    private final Nvmc nvmc;

    NorFlashPort(Memory content, Nvmc nvmc) {
        this.content = content;
        this.nvmc = nvmc;
    }

    @Override
    public int read(int offset, AccessSize size) {
        nvmc.stallUntilReady();
        return content.read(offset, size);
    }

    @Override
    public void write(int offset, AccessSize size, int value) throws BusFault {
        if (size != AccessSize.WORD || (offset & 3) != 0) {
            throw new BusFault(offset, "flash takes aligned word writes only");
        }
        nvmc.program(content, offset, value);
    }

    /** Readable in place unless the NVMC's operation in flight would stall the read. */
    @Override
    public byte[] directBytes() {
        return nvmc.ready() ? content.directBytes() : null;
    }

    @Override
    public boolean writesDirectly() {
        return false;
    }

    @Override
    public DecodeTable decodeTable() {
        return content.decodeTable();
    }
}
