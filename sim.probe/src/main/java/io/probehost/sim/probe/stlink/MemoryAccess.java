package io.probehost.sim.probe.stlink;

/**
 * Memory blocks through a MEM-AP as the ST-Link performs them: CSW (size, auto-increment, the host's
 * CSW[31:8] or the default), TAR at the start and again at every 1 KB auto-increment boundary, then
 * pipelined DRW accesses (reads posted, the last collected from RDBUFF), then CTRL/STAT for a sticky
 * error. The status and the faulting address stay for GETLASTRWSTATUS(2).
 */
final class MemoryAccess {
    static final int CSW = 0x00;
    static final int TAR = 0x04;
    static final int DRW = 0x0C;
    private static final int DEFAULT_CSW_HIGH = 0x2300_0000;
    private static final int ADDR_INC_SINGLE = 0x10;
    private static final int AUTO_INCREMENT_PAGE = 1024;

    private final DapMaster dap;
    int lastStatus = StlinkStatus.OK;
    int faultAddress;

    MemoryAccess(DapMaster dap) {
        this.dap = dap;
    }

    void setResult(int status, int address) {
        lastStatus = status;
        faultAddress = address;
    }

    /** Reads {@code data.length} bytes of {@code size} (1, 2, 4) units; bytes after a fault stay 0. */
    void read(int ap, int cswHigh, int address, int size, boolean increment, byte[] data) {
        int count = data.length / size;
        int status = setup(ap, cswHigh, size, increment, address);
        int previous = -1;
        for (int i = 0; i < count && status == StlinkStatus.OK; i++) {
            int unit = address + (increment ? i * size : 0);
            if (increment && i > 0 && Integer.remainderUnsigned(unit, AUTO_INCREMENT_PAGE) == 0) {
                status = collect(previous, address, size, increment, data);
                if (status == StlinkStatus.OK) {
                    status = dap.writeAp(ap, TAR, unit);
                }
                previous = -1;
                if (status != StlinkStatus.OK) {
                    setResult(status, unit);
                    return;
                }
            }
            status = dap.postedReadAp(DRW);
            if (status != StlinkStatus.OK) {
                setResult(status, previous >= 0 ? address + previous * size : unit);
                return;
            }
            if (previous >= 0) {
                store(data, previous * size, size, dap.value, address + previous * size);
            }
            previous = i;
        }
        if (status == StlinkStatus.OK) {
            status = collect(previous, address, size, increment, data);
        }
        finish(status, ap, address + Math.max(previous, 0) * size);
    }

    /** Writes {@code data} in {@code size} units. */
    void write(int ap, int cswHigh, int address, int size, boolean increment, byte[] data) {
        int count = data.length / size;
        int status = setup(ap, cswHigh, size, increment, address);
        int last = 0;
        for (int i = 0; i < count && status == StlinkStatus.OK; i++) {
            int unit = address + (increment ? i * size : 0);
            if (increment && i > 0 && Integer.remainderUnsigned(unit, AUTO_INCREMENT_PAGE) == 0) {
                status = dap.writeAp(ap, TAR, unit);
                if (status != StlinkStatus.OK) {
                    setResult(status, address + (i - 1) * size);
                    return;
                }
            }
            status = dap.writeAp(ap, DRW, load(data, i * size, size, unit));
            if (status != StlinkStatus.OK) {
                setResult(status, i > 0 ? address + (i - 1) * size : unit);
                return;
            }
            last = unit;
        }
        finish(status, ap, last);
    }

    private int setup(int ap, int cswHigh, int size, boolean increment, int address) {
        int high = cswHigh == 0 ? DEFAULT_CSW_HIGH : cswHigh << 8;
        int csw = high | (increment ? ADDR_INC_SINGLE : 0) | Integer.numberOfTrailingZeros(size);
        int status = dap.writeAp(ap, CSW, csw);
        if (status == StlinkStatus.OK) {
            status = dap.writeAp(ap, TAR, address);
        }
        if (status != StlinkStatus.OK) {
            setResult(status, address);
        }
        return status;
    }

    private int collect(int previous, int address, int size, boolean increment, byte[] data) {
        if (previous < 0) {
            return StlinkStatus.OK;
        }
        int status = dap.readDp(DapMaster.DP_RDBUFF);
        if (status == StlinkStatus.OK) {
            int unit = address + (increment ? previous * size : 0);
            store(data, previous * size, size, dap.value, unit);
        }
        return status;
    }

    private void finish(int status, int ap, int lastAddress) {
        if (status != StlinkStatus.OK) {
            setResult(status, lastAddress);
            return;
        }
        status = dap.readDp(DapMaster.DP_CTRL_STAT);
        if (status != StlinkStatus.OK) {
            setResult(status, lastAddress);
        } else if ((dap.value & DapMaster.STICKYERR) != 0) {
            setResult(StlinkStatus.SWD_AP_STICKY_ERROR, lastAddress);
        } else {
            setResult(StlinkStatus.OK, 0);
        }
    }

    /** DRW carries the unit on its byte lanes (address bits 1:0). */
    private static void store(byte[] data, int offset, int size, int word, int address) {
        int shifted = word >>> (8 * (address & 3));
        for (int b = 0; b < size; b++) {
            data[offset + b] = (byte) (shifted >>> (8 * b));
        }
    }

    private static int load(byte[] data, int offset, int size, int address) {
        int unit = 0;
        for (int b = 0; b < size; b++) {
            unit |= (data[offset + b] & 0xFF) << (8 * b);
        }
        return unit << (8 * (address & 3));
    }
}
