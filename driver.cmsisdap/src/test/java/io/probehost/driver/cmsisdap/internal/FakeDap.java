package io.probehost.driver.cmsisdap.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A CMSIS-DAP firmware stand-in: answers DAP_Info from a table, status commands with DAP_OK, and
 * transfers against a register file where every read of a register answers the next value of a
 * counter. A transfer number (counted over the whole session from 0) can be made to fail with a
 * chosen LastResponse. Records each access as text, such as {@code "W DP 0x8 = 0x00000000"}.
 */
final class FakeDap implements Function<byte[], byte[]> {
    final Map<Integer, byte[]> info = new HashMap<>();
    final List<String> accesses = new ArrayList<>();
    final List<Integer> dapIndexes = new ArrayList<>();
    /** Overrides by command ID, for commands a test scripts itself (JTAG sequences, wrong echoes). */
    final Map<Integer, Function<byte[], byte[]>> overrides = new HashMap<>();
    int failTransfer = -1;
    int failResponse;
    int nextReadValue = 0x1000;
    private int transferNumber;

    FakeDap(int packetSize, int packetCount, String version) {
        info.put(0xFF, new byte[] {(byte) packetSize, (byte) (packetSize >> 8)});
        info.put(0xFE, new byte[] {(byte) packetCount});
        info.put(0xF0, new byte[] {0x03});
        info.put(0x04, string(version));
    }

    static byte[] string(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] withNul = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, withNul, 0, bytes.length);
        return withNul;
    }

    /** Claims the Atomic Commands capability (Info0.4) and runs DAP_ExecuteCommands. */
    FakeDap withAtomicCommands() {
        info.put(0xF0, new byte[] {0x13});
        return this;
    }

    FakeDap failAt(int transfer, int lastResponse) {
        failTransfer = transfer;
        failResponse = lastResponse;
        return this;
    }

    @Override
    public byte[] apply(byte[] request) {
        int id = request[0] & 0xFF;
        if (overrides.containsKey(id)) {
            return overrides.get(id).apply(request);
        }
        ByteBuffer in = ByteBuffer.wrap(request).order(ByteOrder.LITTLE_ENDIAN);
        in.get();
        switch (id) {
            case 0x00: {
                byte[] data = info.getOrDefault(in.get() & 0xFF, new byte[0]);
                byte[] reply = new byte[2 + data.length];
                reply[1] = (byte) data.length;
                System.arraycopy(data, 0, reply, 2, data.length);
                reply[0] = 0x00;
                return reply;
            }
            case 0x02:
                return new byte[] {0x02, request[1]};
            case 0x05:
                return transfer(in);
            case 0x06:
                return transferBlock(in);
            case 0x07:
                return null;
            case 0x7F:
                return executeCommands(in);
            case 0x0A:
                return new byte[] {0x0A, 0x00, 0x00};
            case 0x10:
                return new byte[] {0x10, (byte) 0x8F};
            case 0x16:
                return new byte[] {0x16, 0x00, 0x77, 0x04, (byte) 0xA0, 0x4B};
            default:
                return new byte[] {(byte) id, 0x00};
        }
    }

    /** Like the reference firmware: every command runs, whatever the one before it answered. */
    private byte[] executeCommands(ByteBuffer in) {
        int count = in.get() & 0xFF;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x7F);
        out.write(count);
        for (int i = 0; i < count; i++) {
            int id = in.get() & 0xFF;
            out.writeBytes(id == 0x05 ? transfer(in) : id == 0x06 ? transferBlock(in) : new byte[] {(byte) 0xFF});
        }
        return out.toByteArray();
    }

    /**
     * Like the reference firmware over SWD: an AP read is posted and counted when sent, and its data
     * is stored only when the next transaction (the next AP read, or an RDBUFF read before a DP
     * access or at the end) succeeds. A failure injected at transfer k fails the transaction done
     * while handling transfer k, so a read posted just before it is counted but has no data.
     */
    private byte[] transfer(ByteBuffer in) {
        int dapIndex = in.get() & 0xFF;
        dapIndexes.add(dapIndex);
        int count = in.get() & 0xFF;
        ByteBuffer data = ByteBuffer.allocate(4 * 255).order(ByteOrder.LITTLE_ENDIAN);
        int executed = 0;
        int lastResponse = TransferAck.OK.code();
        boolean posted = false;
        int postedValue = 0;
        for (int i = 0; i < count; i++) {
            int request = in.get() & 0xFF;
            boolean read = (request & Transfer.READ) != 0;
            int value = read ? 0 : in.getInt();
            if (lastResponse != TransferAck.OK.code()) {
                continue;
            }
            if (transferNumber++ == failTransfer) {
                lastResponse = failResponse;
                continue;
            }
            if (posted) {
                data.putInt(postedValue);
                posted = false;
            }
            if (read && (request & Transfer.AP) != 0) {
                postedValue = read(request);
                posted = true;
            } else if (read) {
                data.putInt(read(request));
            } else {
                write(request, value);
            }
            executed++;
        }
        if (posted && lastResponse == TransferAck.OK.code()) {
            data.putInt(postedValue);
        }
        return reply(new byte[] {0x05, (byte) executed, (byte) lastResponse}, data);
    }

    private byte[] transferBlock(ByteBuffer in) {
        int dapIndex = in.get() & 0xFF;
        dapIndexes.add(dapIndex);
        int count = in.getShort() & 0xFFFF;
        int request = in.get() & 0xFF;
        accesses.add("BLOCK " + count);
        ByteBuffer data = ByteBuffer.allocate(4 * count).order(ByteOrder.LITTLE_ENDIAN);
        int executed = 0;
        int lastResponse = TransferAck.OK.code();
        for (int i = 0; i < count; i++) {
            int value = (request & Transfer.READ) == 0 ? in.getInt() : 0;
            if (lastResponse != TransferAck.OK.code()) {
                continue;
            }
            if (transferNumber++ == failTransfer) {
                lastResponse = failResponse;
                continue;
            }
            if ((request & Transfer.READ) != 0) {
                data.putInt(read(request));
            } else {
                write(request, value);
            }
            executed++;
        }
        return reply(new byte[] {0x06, (byte) executed, (byte) (executed >> 8), (byte) lastResponse}, data);
    }

    private int read(int request) {
        accesses.add("R " + Transfer.describe(request).replace(" read", ""));
        return nextReadValue++;
    }

    private void write(int request, int value) {
        accesses.add(String.format("W %s = 0x%08X", Transfer.describe(request).replace(" write", ""), value));
    }

    private static byte[] reply(byte[] header, ByteBuffer data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        out.write(data.array(), 0, data.position());
        return out.toByteArray();
    }
}
