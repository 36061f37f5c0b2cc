package io.probehost.sim.probe.pemicro;

/**
 * Memory and core access through MEM-AP 0, as the library performs {@code get_block}, {@code put_block},
 * the single-value reads and writes and the core-register calls: CSW with the access size and single
 * auto-increment, TAR rewritten at every 1 KiB boundary, DRW with the byte lanes of the address; core
 * registers through DCRSR/DCRDR with DHCSR.S_REGRDY. A FAULT clears the sticky flags and gives
 * {@link MemResult#BUS_ERROR}.
 */
final class MemApAccess {
    static final int DHCSR = 0xE000_EDF0;
    static final int DCRSR = 0xE000_EDF4;
    static final int DCRDR = 0xE000_EDF8;
    static final int DBGKEY = 0xA05F_0000;
    static final int C_DEBUGEN = 1;
    static final int C_HALT = 1 << 1;
    static final int C_STEP = 1 << 2;
    static final int S_REGRDY = 1 << 16;
    static final int S_HALT = 1 << 17;

    private static final int CSW = 0x00;
    private static final int TAR = 0x04;
    private static final int DRW = 0x0C;
    /** DbgSwEnable, HPROT data/privileged, single auto-increment; the size goes in bits 2:0. */
    private static final int CSW_BASE = 0x2300_0010;
    private static final int AUTO_INCREMENT_PAGE = 1024;
    private static final int REGRDY_POLLS = 100;

    private final SwdWireMaster wire;
    private int lastStatus = SwdWireMaster.ACK;

    MemApAccess(SwdWireMaster wire) {
        this.wire = wire;
    }

    /** The SWD status of the last access this class made. */
    int lastStatus() {
        return lastStatus;
    }

    MemResult read(long address, int size, byte[] into, int offset, int count) {
        return transfer(address, size, into, offset, count, true);
    }

    MemResult write(long address, int size, byte[] from, int offset, int count) {
        return transfer(address, size, from, offset, count, false);
    }

    private MemResult transfer(long address, int size, byte[] data, int offset, int count, boolean read) {
        if (size != 1 && size != 2 && size != 4 || address % size != 0 || count % size != 0) {
            return MemResult.UNIMPLEMENTED;
        }
        if (!ok(wire.writeAp(0, CSW, CSW_BASE | Integer.numberOfTrailingZeros(size)))) {
            return fail();
        }
        long next = address;
        for (int done = 0; done < count; done += size, next += size) {
            if (done == 0 || next % AUTO_INCREMENT_PAGE == 0) {
                if (!ok(wire.writeAp(0, TAR, (int) next))) {
                    return fail();
                }
            }
            int shift = (int) (next & 3) * 8;
            if (read) {
                if (!ok(wire.readAp(0, DRW))) {
                    return fail();
                }
                int lanes = wire.value() >>> shift;
                for (int i = 0; i < size; i++) {
                    data[offset + done + i] = (byte) (lanes >>> 8 * i);
                }
            } else {
                int word = 0;
                for (int i = 0; i < size; i++) {
                    word |= (data[offset + done + i] & 0xFF) << 8 * i;
                }
                if (!ok(wire.writeAp(0, DRW, word << shift))) {
                    return fail();
                }
            }
        }
        return MemResult.OK;
    }

    int read32(long address, MemResult[] result) {
        byte[] word = new byte[4];
        result[0] = read(address, 4, word, 0, 4);
        return (word[0] & 0xFF) | (word[1] & 0xFF) << 8 | (word[2] & 0xFF) << 16 | (word[3] & 0xFF) << 24;
    }

    MemResult write32(long address, int value) {
        byte[] word = {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
        return write(address, 4, word, 0, 4);
    }

    /** Reads core register {@code number} (the library's numbering is DCRSR.REGSEL's); null on failure. */
    Integer readCoreRegister(int number) {
        if (write32(DCRSR, number & 0x7F) != MemResult.OK || !registerReady()) {
            return null;
        }
        MemResult[] result = new MemResult[1];
        int value = read32(DCRDR, result);
        return result[0] == MemResult.OK ? value : null;
    }

    boolean writeCoreRegister(int number, int value) {
        return write32(DCRDR, value) == MemResult.OK && write32(DCRSR, 1 << 16 | number & 0x7F) == MemResult.OK
                && registerReady();
    }

    /** Writes DHCSR with the key and {@code control}. */
    boolean controlCore(int control) {
        return write32(DHCSR, DBGKEY | control) == MemResult.OK;
    }

    /** DHCSR, or empty when it cannot be read. */
    Integer debugStatus() {
        MemResult[] result = new MemResult[1];
        int value = read32(DHCSR, result);
        return result[0] == MemResult.OK ? value : null;
    }

    private boolean registerReady() {
        for (int i = 0; i < REGRDY_POLLS; i++) {
            Integer status = debugStatus();
            if (status == null) {
                return false;
            }
            if ((status & S_REGRDY) != 0) {
                return true;
            }
        }
        return false;
    }

    private boolean ok(int status) {
        lastStatus = status;
        return status == SwdWireMaster.ACK;
    }

    private MemResult fail() {
        if (lastStatus == SwdWireMaster.FAULT) {
            wire.clearStickyErrors();
        }
        return lastStatus == SwdWireMaster.FAULT ? MemResult.BUS_ERROR : MemResult.NO_ACCESS;
    }
}
