package io.probehost.driver.stlink.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A test double answering the driver's commands against a minimal Cortex-M3 (memory words, DHCSR
 * halting, DCRSR/DCRDR register transfers) with one AHB-AP (CSW, TAR, DRW, BD0-BD3): just enough for the Arm stack to
 * connect, halt, and move memory and registers. Not an emulator of the probe (the lab has that).
 */
final class CommandFakeStlink implements StlinkTransport {
    static final int DPIDR = 0x2BA0_1477;
    static final long DHCSR = 0xE000_EDF0L;
    static final long DCRSR = 0xE000_EDF4L;
    static final long DCRDR = 0xE000_EDF8L;

    final Map<Long, Integer> words = new HashMap<>();
    final List<String> commands = new ArrayList<>();
    private final int[] registers = new int[32];
    private final Deque<byte[]> replies = new ArrayDeque<>();
    private ByteBuffer pendingWrite;
    private boolean halted;
    private int ctrlStat;
    private int tar;

    CommandFakeStlink() {
        words.put(0xE000_ED00L, 0x412F_C230); // CPUID: Cortex-M3 r2p0
    }

    @Override
    public void write(byte[] data) {
        if (pendingWrite != null) {
            ByteBuffer header = pendingWrite;
            pendingWrite = null;
            writeMemory(header.getInt(2) & 0xFFFF_FFFFL, data);
            return;
        }
        ByteBuffer block = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int command = data[0] & 0xFF;
        int sub = data[1] & 0xFF;
        commands.add(String.format("%02x %02x", command, sub));
        if (command != 0xF2) {
            throw new AssertionError("unexpected command " + ScriptedTransport.trimmed(data));
        }
        switch (sub) {
            case 0x43: case 0x30: case 0x4B: case 0x4C: case 0x3C:
                status(2, 0x80, 0);
                break;
            case 0x21:
                break;
            case 0x45:
                status(8, 0x80, readDap(block.getShort(2) & 0xFFFF, block.getShort(4) & 0xFFFF));
                break;
            case 0x46:
                writeDap(block.getShort(2) & 0xFFFF, block.getShort(4) & 0xFFFF, block.getInt(6));
                status(2, 0x80, 0);
                break;
            case 0x07: case 0x0C: case 0x47:
                replies.add(readMemory(block.getInt(2) & 0xFFFF_FFFFL, block.getShort(6) & 0xFFFF));
                break;
            case 0x08: case 0x0D: case 0x48:
                pendingWrite = block;
                break;
            case 0x3E:
                status(12, 0x80, 0);
                break;
            case 0x35:
                writeWord(block.getInt(2) & 0xFFFF_FFFFL, block.getInt(6));
                status(2, 0x80, 0);
                break;
            case 0x36:
                status(8, 0x80, readWord(block.getInt(2) & 0xFFFF_FFFFL));
                break;
            default:
                throw new AssertionError("unexpected debug command " + ScriptedTransport.trimmed(data));
        }
    }

    private void status(int length, int status, int value) {
        ByteBuffer reply = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        reply.put(0, (byte) status);
        if (length >= 8) {
            reply.putInt(4, value);
        }
        replies.add(reply.array());
    }

    private int readDap(int port, int register) {
        if (port == 0xFFFF) {
            return switch (register) {
                case 0x00 -> DPIDR;
                case 0x04 -> ctrlStat;
                default -> 0;
            };
        }
        if (port != 0) {
            return 0;
        }
        if (register >= 0x10 && register <= 0x1C) {
            return readWord((tar & 0xFFFF_FFF0L) + register - 0x10);
        }
        return switch (register) {
            case 0xFC -> 0x2477_0011; // AHB-AP
            case 0xF8 -> 0xE00F_F003;
            case 0x00 -> 0x2300_0052;
            case 0x04 -> tar;
            case 0x0C -> readWord(tar & 0xFFFF_FFFFL);
            default -> 0;
        };
    }

    private void writeDap(int port, int register, int value) {
        if (port == 0xFFFF && register == 0x04) {
            // power-up requests are acknowledged at once
            ctrlStat = value | (value & 0x5000_0000) << 1;
        } else if (port == 0 && register == 0x04) {
            tar = value;
        } else if (port == 0 && register == 0x0C) {
            writeWord(tar & 0xFFFF_FFFFL, value);
        } else if (port == 0 && register >= 0x10 && register <= 0x1C) {
            writeWord((tar & 0xFFFF_FFF0L) + register - 0x10, value);
        }
    }

    private byte[] readMemory(long address, int length) {
        byte[] data = new byte[length == 1 ? 2 : length];
        for (int i = 0; i < length; i++) {
            long at = address + i;
            data[i] = (byte) (readWord(at & ~3L) >>> (8 * (int) (at & 3)));
        }
        return data;
    }

    private int readWord(long address) {
        if (address == DHCSR) {
            return (1 << 16) | (halted ? (1 << 17) | 0x3 : 0x1);
        }
        return words.getOrDefault(address, 0);
    }

    private void writeMemory(long address, byte[] data) {
        for (int i = 0; i < data.length; i += 4) {
            int word = ByteBuffer.wrap(data, i, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            writeWord(address + i, word);
        }
    }

    private void writeWord(long address, int value) {
        if (address == DHCSR) {
            if ((value >>> 16) == 0xA05F) {
                halted = (value & 0x2) != 0;
            }
        } else if (address == DCRSR) {
            int selector = value & 0x7F;
            if (selector < registers.length) {
                if ((value & 0x1_0000) != 0) {
                    registers[selector] = words.getOrDefault(DCRDR, 0);
                } else {
                    words.put(DCRDR, registers[selector]);
                }
            }
        } else {
            words.put(address, value);
        }
    }

    @Override
    public byte[] read(int length) {
        byte[] reply = replies.poll();
        if (reply == null || reply.length != length) {
            throw new AssertionError("a " + length + "-byte read met " + (reply == null ? "nothing" : reply.length
                    + " bytes") + " after " + commands);
        }
        return reply;
    }

    @Override
    public void close() {
    }
}
