package io.probehost.sim.adi;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.DebuggableMcu;
import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.mcu.VirtualClock;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** An MCU with 64 KiB of RAM at 0x20000000 and a ROM table base; everything else faults. */
final class FakeMcu implements DebuggableMcu {
    static final int RAM_BASE = 0x2000_0000;
    static final int RAM_SIZE = 0x1_0000;
    static final int ROM_TABLE_BASE = 0xE00F_F003;

    final ByteBuffer ram = ByteBuffer.allocate(RAM_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    final VirtualClock clock = new VirtualClock();
    boolean debugPowerRequested;
    boolean resetAsserted;
    int accesses;

    private final MemoryPort bus = new MemoryPort() {
        @Override
        public int read(int address, AccessSize size) throws BusFault {
            int offset = offset(address, size);
            accesses++;
            switch (size) {
                case BYTE:
                    return ram.get(offset) & 0xFF;
                case HALFWORD:
                    return ram.getShort(offset) & 0xFFFF;
                default:
                    return ram.getInt(offset);
            }
        }

        @Override
        public void write(int address, AccessSize size, int value) throws BusFault {
            int offset = offset(address, size);
            accesses++;
            switch (size) {
                case BYTE:
                    ram.put(offset, (byte) value);
                    break;
                case HALFWORD:
                    ram.putShort(offset, (short) value);
                    break;
                default:
                    ram.putInt(offset, value);
                    break;
            }
        }
    };

    private static int offset(int address, AccessSize size) throws BusFault {
        long offset = Integer.toUnsignedLong(address) - RAM_BASE;
        if (offset < 0 || offset + size.bytes() > RAM_SIZE) {
            throw new BusFault(address, "unmapped");
        }
        return (int) offset;
    }

    @Override
    public MemoryPort debugBus() {
        return bus;
    }

    @Override
    public int romTableBase() {
        return ROM_TABLE_BASE;
    }

    @Override
    public void setResetPinAsserted(boolean asserted) {
        resetAsserted = asserted;
    }

    @Override
    public void setDebugPowerRequested(boolean requested) {
        debugPowerRequested = requested;
    }

    @Override
    public boolean isDebugPowered() {
        return debugPowerRequested;
    }

    @Override
    public VirtualClock clock() {
        return clock;
    }

    @Override
    public void close() {
    }
}
