package io.probehost.sim.probe.stlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One memory command block (READMEM/WRITEMEM 8/16/32-bit, the no-increment variants): address,
 * length in bytes, AP and CSW[31:8] (honoured from V2J32 / V3J2, else AP 0 and the default CSW), and
 * the checks the firmware makes before any target traffic.
 */
record MemoryBlock(int command, int address, int length, int ap, int cswHigh) {
    static final int READ_32 = 0x07;
    static final int WRITE_32 = 0x08;
    static final int READ_8 = 0x0C;
    static final int WRITE_8 = 0x0D;
    static final int READ_16 = 0x47;
    static final int WRITE_16 = 0x48;
    static final int WRITE_32_NO_INCREMENT = 0x50;
    static final int READ_32_NO_INCREMENT = 0x54;
    /** The 16/32-bit limit: the probe's internal buffer. */
    static final int MAX_LENGTH = 6144;

    static MemoryBlock parse(byte[] block, StlinkConfig config) {
        ByteBuffer in = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
        boolean apAndCsw = config.has(32, 2);
        return new MemoryBlock(block[1] & 0xFF, in.getInt(2), in.getShort(6) & 0xFFFF,
                apAndCsw ? block[8] & 0xFF : 0, apAndCsw ? in.getInt(8) >>> 8 : 0);
    }

    static boolean isRead(int command) {
        return command == READ_32 || command == READ_8 || command == READ_16 || command == READ_32_NO_INCREMENT;
    }

    static boolean isWrite(int command) {
        return command == WRITE_32 || command == WRITE_8 || command == WRITE_16 || command == WRITE_32_NO_INCREMENT;
    }

    int unitSize() {
        switch (command) {
            case READ_8, WRITE_8:
                return 1;
            case READ_16, WRITE_16:
                return 2;
            default:
                return 4;
        }
    }

    boolean increments() {
        return command != READ_32_NO_INCREMENT && command != WRITE_32_NO_INCREMENT;
    }

    /** OK, CMD_ERROR (command too new for the firmware, or too long) or ALIGNMENT_ERROR. */
    int check(StlinkConfig config) {
        boolean exists = switch (command) {
            case READ_16, WRITE_16, WRITE_32_NO_INCREMENT -> config.has(26, 0);
            case READ_32_NO_INCREMENT -> config.has(32, 2);
            default -> true;
        };
        if (!exists || length > maxLength(config)) {
            return StlinkStatus.CMD_ERROR;
        }
        int size = unitSize();
        if (Integer.remainderUnsigned(address, size) != 0 || length % size != 0) {
            return StlinkStatus.ALIGNMENT_ERROR;
        }
        return StlinkStatus.OK;
    }

    /** 8-bit blocks: 64 bytes (a full-speed packet), 512 on V3 from J6. */
    private int maxLength(StlinkConfig config) {
        if (unitSize() > 1) {
            return MAX_LENGTH;
        }
        return config.model().isV3() && config.has(0, 6) ? 512 : 64;
    }
}
