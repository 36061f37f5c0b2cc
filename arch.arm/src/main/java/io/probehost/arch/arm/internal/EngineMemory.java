package io.probehost.arch.arm.internal;

import io.probehost.api.probe.ArmMemoryEngine;
import io.probehost.api.probe.ArmMemoryEngine.AccessWidth;

/**
 * Memory of one MEM-AP through a probe's own engine: a transfer goes as bytes up to the first
 * word boundary, words, then the bytes after; the engine splits each at its own limits. Halfwords
 * go as halfwords where the probe has them, else as two bytes.
 */
final class EngineMemory {
    private final ArmMemoryEngine engine;
    private final int ap;

    EngineMemory(ArmMemoryEngine engine, int ap) {
        this.engine = engine;
        this.ap = ap;
    }

    void read(long address, byte[] destination, int offset, int length) {
        int head = head(address, length);
        int words = (length - head) & ~3;
        if (head > 0) {
            engine.readMemory(ap, address, AccessWidth.BYTE, destination, offset, head);
        }
        if (words > 0) {
            engine.readMemory(ap, address + head, AccessWidth.WORD, destination, offset + head, words);
        }
        int tail = length - head - words;
        if (tail > 0) {
            engine.readMemory(ap, address + head + words, AccessWidth.BYTE, destination, offset + head + words, tail);
        }
    }

    void write(long address, byte[] source, int offset, int length) {
        int head = head(address, length);
        int words = (length - head) & ~3;
        if (head > 0) {
            engine.writeMemory(ap, address, AccessWidth.BYTE, source, offset, head);
        }
        if (words > 0) {
            engine.writeMemory(ap, address + head, AccessWidth.WORD, source, offset + head, words);
        }
        int tail = length - head - words;
        if (tail > 0) {
            engine.writeMemory(ap, address + head + words, AccessWidth.BYTE, source, offset + head + words, tail);
        }
    }

    /** One value of {@code bytes} (1, 2 or 4) bytes, in a single access of that width when aligned. */
    int readValue(long address, int bytes) {
        byte[] data = new byte[bytes];
        AccessWidth width = singleWidth(address, bytes);
        if (width == null) {
            read(address, data, 0, bytes);
        } else {
            engine.readMemory(ap, address, width, data, 0, bytes);
        }
        int value = 0;
        for (int i = 0; i < bytes; i++) {
            value |= (data[i] & 0xFF) << (8 * i);
        }
        return value;
    }

    void writeValue(long address, int bytes, int value) {
        byte[] data = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            data[i] = (byte) (value >>> (8 * i));
        }
        AccessWidth width = singleWidth(address, bytes);
        if (width == null) {
            write(address, data, 0, bytes);
        } else {
            engine.writeMemory(ap, address, width, data, 0, bytes);
        }
    }

    private AccessWidth singleWidth(long address, int bytes) {
        if (address % bytes != 0) {
            return null;
        }
        switch (bytes) {
            case 1:
                return AccessWidth.BYTE;
            case 2:
                return engine.accessWidths().contains(AccessWidth.HALFWORD) ? AccessWidth.HALFWORD : null;
            default:
                return AccessWidth.WORD;
        }
    }

    private static int head(long address, int length) {
        return (int) Math.min(length, (4 - (address & 3)) & 3);
    }
}
