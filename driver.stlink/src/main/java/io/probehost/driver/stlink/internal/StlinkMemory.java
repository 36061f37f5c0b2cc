package io.probehost.driver.stlink.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import io.probehost.api.ProbeException;
import io.probehost.api.TransferFaultException;
import io.probehost.api.probe.ArmMemoryEngine.AccessWidth;

/**
 * Memory transfers through the probe's engine: split at the protocol limits only (6144 bytes for 16
 * and 32-bit units, 64 or 512 for bytes), each part followed by GETLASTRWSTATUS2. The probe performs
 * the MEM-AP accesses itself and writes TAR again at each 1 KB auto-increment boundary, so a part
 * may cross one: 64 KiB take 11 word commands, not 64. A single word through AP 0 is one
 * READDEBUGREG or WRITEDEBUGREG, whose reply carries the status. A fault clears the sticky errors and
 * throws with its address.
 */
final class StlinkMemory {
    static final int MAX_WORD_BYTES = 6144;

    /** JTAG: CTRL/STAT written with the sticky bits (W1C) and the power-up requests kept. */
    static final WriteDapRegRequest CLEAR_STICKY_JTAG = new WriteDapRegRequest(ReadDapRegRequest.DP_PORT, 0x04,
            0x5000_0032);

    private final StlinkChannel channel;
    private volatile boolean jtag;

    StlinkMemory(StlinkChannel channel) {
        this.channel = channel;
    }

    /** Sticky errors are cleared through ABORT on SWD, through CTRL/STAT on JTAG. */
    void setJtag(boolean jtag) {
        this.jtag = jtag;
    }

    /** The largest part for a width and firmware. */
    static int maxPartBytes(AccessWidth width, StlinkVersion version) {
        return width == AccessWidth.BYTE ? version.max8BitBytes() : MAX_WORD_BYTES;
    }

    /** The length of the next part: what remains, up to the limit. */
    static int partLength(int remaining, int maxPart) {
        return Math.min(remaining, maxPart);
    }

    void read(int ap, long address, AccessWidth width, byte[] into, int offset, int length) {
        check(ap, address, width, length);
        if (isSingleWord(ap, width, length)) {
            DebugWordRequest.Result word = channel.execute(DebugWordRequest.read(address));
            failOn(word.status(), address, address, length, "read");
            ByteBuffer.wrap(into, offset, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(word.value());
            return;
        }
        int maxPart = maxPartBytes(width, channel.version());
        int done = 0;
        while (done < length) {
            long at = address + done;
            int part = partLength(length - done, maxPart);
            byte[] read = channel.execute(MemoryRequest.read(width, at, part, ap));
            checkStatus(at, part, "read");
            System.arraycopy(read, 0, into, offset + done, part);
            done += part;
        }
    }

    void write(int ap, long address, AccessWidth width, byte[] from, int offset, int length) {
        check(ap, address, width, length);
        if (isSingleWord(ap, width, length)) {
            int value = ByteBuffer.wrap(from, offset, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            DebugWordRequest.Result word = channel.execute(DebugWordRequest.write(address, value));
            failOn(word.status(), address, address, length, "write");
            return;
        }
        int maxPart = maxPartBytes(width, channel.version());
        int done = 0;
        while (done < length) {
            long at = address + done;
            int part = partLength(length - done, maxPart);
            byte[] data = Arrays.copyOfRange(from, offset + done, offset + done + part);
            channel.execute(MemoryRequest.write(width, at, data, ap));
            checkStatus(at, part, "write");
            done += part;
        }
    }

    private void check(int ap, long address, AccessWidth width, int length) {
        StlinkVersion version = channel.version();
        if (address % width.bytes() != 0 || length % width.bytes() != 0) {
            throw new IllegalArgumentException(String.format(
                    "a %d-bit access needs an aligned address and length: 0x%08X, %d bytes", width.bytes() * 8,
                    address, length));
        }
        if (width == AccessWidth.HALFWORD && !version.has16BitAccess()) {
            throw new ProbeException("ST-Link firmware " + version.display()
                    + " has no 16-bit memory access (V2J26 or later has it): update the firmware");
        }
        if (ap != 0 && !version.hasApInMemoryCommands()) {
            throw new ProbeException("ST-Link firmware " + version.display()
                    + " reaches memory through AP 0 only (V2J32 or V3J2 and later reach others): update the firmware");
        }
    }

    private static boolean isSingleWord(int ap, AccessWidth width, int length) {
        return ap == 0 && width == AccessWidth.WORD && length == 4;
    }

    private void checkStatus(long address, int length, String what) {
        LastRwStatusRequest.Result result = channel.execute(new LastRwStatusRequest());
        failOn(result.status(), result.faultAddress(), address, length, what);
    }

    private void failOn(int code, long faultAddress, long address, int length, String what) {
        if (code == StlinkStatus.OK.code()) {
            return;
        }
        StlinkStatus status;
        try {
            status = StlinkStatus.fromCode(code);
        } catch (IllegalArgumentException e) {
            status = StlinkStatus.UNKNOWN_ERROR;
        }
        channel.execute(jtag ? CLEAR_STICKY_JTAG : WriteDapRegRequest.CLEAR_STICKY_ERRORS);
        ProbeException error = StlinkErrors.of(status, String.format("memory %s of %d bytes at 0x%08X", what,
                length, address), channel.version());
        if (error instanceof TransferFaultException fault) {
            throw fault.at(faultAddress, "memory " + what);
        }
        throw error;
    }
}
