package io.probehost.sim.mcu.stm32f1;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.mcu.bus.LittleEndian;

/**
 * System memory at 0x1FFFF000 up to the option bytes: the ST boot loader area (not modelled, reads
 * as erased), the flash size in KiB at 0x1FFFF7E0 (a 32-bit read gives 0xFFFF0080) and the 96-bit
 * unique ID at 0x1FFFF7E8. Read-only.
 */
final class SystemMemory implements MemoryPort {
    static final int BASE = 0x1FFF_F000;
    static final int SIZE = 0x800;
    static final int FLASH_SIZE_OFFSET = 0x7E0;
    static final int UNIQUE_ID_OFFSET = 0x7E8;
    private final byte[] content = new byte[SIZE];

    SystemMemory(int flashKibibytes, byte[] uniqueId) {
        java.util.Arrays.fill(content, (byte) 0xFF);
        LittleEndian.put(content, FLASH_SIZE_OFFSET, 2, flashKibibytes);
        System.arraycopy(uniqueId, 0, content, UNIQUE_ID_OFFSET, 12);
    }

    @Override
    public int read(int offset, AccessSize size) {
        return LittleEndian.get(content, offset, size.bytes());
    }

    @Override
    public void write(int offset, AccessSize size, int value) throws BusFault {
        throw new BusFault(BASE + offset, "system memory is read-only");
    }
}
