package io.probehost.sim.mcu.bus;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.MemoryPort;

/**
 * A device of 32-bit registers: narrower reads return the addressed lane of the word, narrower
 * writes are refused (peripheral registers take word writes only).
 */
public abstract class WordRegisters implements MemoryPort {

    protected abstract int readWord(int offset) throws BusFault;

    protected abstract void writeWord(int offset, int value) throws BusFault;

    @Override
    public final int read(int offset, AccessSize size) throws BusFault {
        return LittleEndian.lane(readWord(offset & ~3), offset, size.bytes());
    }

    @Override
    public final void write(int offset, AccessSize size, int value) throws BusFault {
        if (size != AccessSize.WORD || (offset & 3) != 0) {
            throw new BusFault(offset, "register needs an aligned word write");
        }
        writeWord(offset, value);
    }
}
