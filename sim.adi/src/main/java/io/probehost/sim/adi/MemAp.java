package io.probehost.sim.adi;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.MemoryPort;

/**
 * A MEM-AP in front of a system bus, modelled on the Cortex-M0 AHB-AP: 8/16/32-bit transfers,
 * single and packed address increment, auto-increment wrapping inside the 1 KiB block of TAR
 * (the minimum ADIv5 guarantees, and what a host must assume anyway), data on the byte lanes of
 * the address.
 */
public final class MemAp implements AccessPort {
    /** IDR of the Cortex-M0 AHB-AP (revision 0, Arm, class MEM-AP, variant 2, type AHB). */
    public static final int CORTEX_M0_AHB_AP_IDR = 0x0477_0021;

    static final int CSW = 0x00;
    static final int TAR = 0x04;
    static final int DRW = 0x0C;
    static final int BD0 = 0x10;
    static final int BD3 = 0x1C;
    static final int CFG = 0xF4;
    static final int BASE = 0xF8;
    static final int IDR = 0xFC;

    private static final int CSW_SIZE_MASK = 0x7;
    private static final int CSW_ADDRINC_SHIFT = 4;
    private static final int CSW_DEVICE_EN = 1 << 6;
    /** Prot/HPROT, MasterType and bit 31: kept as written. */
    private static final int CSW_KEPT_BITS = 0xFF00_0000;
    /** TAR auto-increment block of the Cortex-M0 AHB-AP: TAR[9:0] increments, the bits above stay. */
    public static final int CORTEX_M0_AUTO_INCREMENT_BYTES = 1024;
    /** The Cortex-M3/M4 AHB-AP increments TAR[11:0] (OpenOCD's CORTEX_M_F_TAR_AUTOINCR_BLOCK_4K). */
    public static final int CORTEX_M3_AUTO_INCREMENT_BYTES = 4096;

    enum AddrInc {
        OFF(0b00), SINGLE(0b01), PACKED(0b10);

        final int code;

        AddrInc(int code) {
            this.code = code;
        }

        static AddrInc fromCode(int code) {
            for (AddrInc inc : values()) {
                if (inc.code == code) {
                    return inc;
                }
            }
            return OFF; // 0b11 is reserved: behave as no increment
        }
    }

    private final MemoryPort bus;
    private final int base;
    private final int wrapBlockMask;
    private AccessSize size = AccessSize.WORD;
    private int sizeCode = 0b010;
    private AddrInc addrInc = AddrInc.OFF;
    private int addrIncCode;
    private int keptBits;
    private int tar;

    /**
     * @param bus  the bus this AP masters
     * @param base the BASE register value (ROM table address with format and present bits)
     */
    public MemAp(MemoryPort bus, int base) {
        this(bus, base, CORTEX_M0_AUTO_INCREMENT_BYTES);
    }

    /** @param autoIncrementBytes the power-of-two block within which TAR auto-increments (and wraps) */
    public MemAp(MemoryPort bus, int base, int autoIncrementBytes) {
        if (Integer.bitCount(autoIncrementBytes) != 1) {
            throw new IllegalArgumentException("auto-increment block must be a power of two: " + autoIncrementBytes);
        }
        this.bus = bus;
        this.base = base;
        this.wrapBlockMask = autoIncrementBytes - 1;
    }

    @Override
    public synchronized int read(int register) throws BusFault {
        switch (register) {
            case CSW:
                return csw();
            case TAR:
                return tar;
            case DRW:
                return readDrw();
            case CFG:
                return 0; // little-endian, 32-bit addresses and data
            case BASE:
                return base;
            case IDR:
                return CORTEX_M0_AHB_AP_IDR;
            default:
                if (register >= BD0 && register <= BD3) {
                    return readAt(bankedAddress(register));
                }
                return 0;
        }
    }

    @Override
    public synchronized void write(int register, int value) throws BusFault {
        switch (register) {
            case CSW:
                writeCsw(value);
                break;
            case TAR:
                tar = value;
                break;
            case DRW:
                writeDrw(value);
                break;
            default:
                if (register >= BD0 && register <= BD3) {
                    writeAt(bankedAddress(register), value);
                }
                break;
        }
    }

    private int csw() {
        // TrInProg always reads 0: every transfer completes before the DP answers.
        return keptBits | CSW_DEVICE_EN | (addrIncCode << CSW_ADDRINC_SHIFT) | sizeCode;
    }

    private void writeCsw(int value) {
        int requestedSize = value & CSW_SIZE_MASK;
        // The AHB-AP has no 64/128/256-bit transfers: such a Size is not taken.
        if (requestedSize <= 0b010) {
            sizeCode = requestedSize;
            size = AccessSize.values()[requestedSize];
        }
        addrIncCode = (value >>> CSW_ADDRINC_SHIFT) & 0b11;
        addrInc = AddrInc.fromCode(addrIncCode);
        keptBits = value & CSW_KEPT_BITS;
    }

    private int bankedAddress(int register) {
        return (tar & ~0xF) | (register & 0xC);
    }

    private int readDrw() throws BusFault {
        if (addrInc == AddrInc.PACKED && size != AccessSize.WORD) {
            int value = 0;
            for (int i = 0; i < 4 / size.bytes(); i++) {
                value |= readAt(tar);
                incrementTar();
            }
            return value;
        }
        int value = readAt(tar);
        if (addrInc != AddrInc.OFF) {
            incrementTar();
        }
        return value;
    }

    private void writeDrw(int value) throws BusFault {
        if (addrInc == AddrInc.PACKED && size != AccessSize.WORD) {
            for (int i = 0; i < 4 / size.bytes(); i++) {
                writeAt(tar, value);
                incrementTar();
            }
            return;
        }
        writeAt(tar, value);
        if (addrInc != AddrInc.OFF) {
            incrementTar();
        }
    }

    /** Reads one transfer of the current Size and puts it on the byte lanes of its address. */
    private int readAt(int address) throws BusFault {
        int data = bus.read(address, size) & size.mask();
        return data << laneShift(address);
    }

    /** Takes the transfer's data from the byte lanes of its address. */
    private void writeAt(int address, int drwValue) throws BusFault {
        bus.write(address, size, (drwValue >>> laneShift(address)) & size.mask());
    }

    private int laneShift(int address) {
        switch (size) {
            case BYTE:
                return 8 * (address & 3);
            case HALFWORD:
                return 8 * (address & 2);
            default:
                return 0;
        }
    }

    private void incrementTar() {
        tar = (tar & ~wrapBlockMask) | ((tar + size.bytes()) & wrapBlockMask);
    }
}
