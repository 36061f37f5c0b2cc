package io.probehost.flash.format;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Writes minimal ELF32 little-endian executables (header and program headers only) for tests. */
final class TestElf {

    record Segment(long type, long vaddr, long paddr, byte[] data, long memSize) {
    }

    private final List<Segment> segments = new ArrayList<>();
    private int machine = 40;
    private long entry = 0x08000001L;

    TestElf machine(int value) {
        machine = value;
        return this;
    }

    TestElf load(long vaddr, long paddr, byte[] data, long memSize) {
        segments.add(new Segment(1, vaddr, paddr, data, memSize));
        return this;
    }

    TestElf load(long address, byte[] data) {
        return load(address, address, data, data.length);
    }

    TestElf segment(long type, long address, byte[] data) {
        segments.add(new Segment(type, address, address, data, data.length));
        return this;
    }

    byte[] bytes() {
        int dataStart = 52 + 32 * segments.size();
        ByteBuffer header = ByteBuffer.allocate(dataStart).order(ByteOrder.LITTLE_ENDIAN);
        header.put(new byte[] {0x7F, 'E', 'L', 'F', 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        header.putShort((short) 2).putShort((short) machine).putInt(1).putInt((int) entry);
        header.putInt(52).putInt(0).putInt(0x05000200);
        header.putShort((short) 52).putShort((short) 32).putShort((short) segments.size());
        header.putShort((short) 40).putShort((short) 0).putShort((short) 0);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int offset = dataStart;
        for (Segment s : segments) {
            header.putInt((int) s.type()).putInt(offset).putInt((int) s.vaddr()).putInt((int) s.paddr())
                    .putInt(s.data().length).putInt((int) s.memSize()).putInt(5).putInt(4);
            data.writeBytes(s.data());
            offset += s.data().length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(data.toByteArray());
        return out.toByteArray();
    }

    static byte[] bytes(int count, int first) {
        byte[] b = new byte[count];
        for (int i = 0; i < count; i++) {
            b[i] = (byte) (first + i);
        }
        return b;
    }
}
