package io.probehost.run.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.debug.Semihosting;
import io.probehost.api.debug.SemihostingCall;

/** A core's semihosting seen from the host: RAM from {@link #BASE} and the answers the calls got. */
final class FakeSemihostingTarget implements Semihosting, MemoryInterface {
    static final long BASE = 0x2000_0000L;
    private final ByteBuffer ram = ByteBuffer.allocate(0x400).order(ByteOrder.LITTLE_ENDIAN);
    final List<Long> answers = new ArrayList<>();

    /** Puts {@code text} and a NUL at {@code address}. */
    void string(long address, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(address, bytes);
        write8(address + bytes.length, 0);
    }

    void words(long address, long... values) {
        for (int i = 0; i < values.length; i++) {
            write32(address + 4L * i, (int) values[i]);
        }
    }

    private int at(long address) {
        return (int) (address - BASE);
    }

    @Override
    public Optional<SemihostingCall> pendingCall() {
        throw new UnsupportedOperationException("the host is given its calls");
    }

    @Override
    public long[] readParameterBlock(SemihostingCall call, int count) {
        return call.readParameterBlock(this, count);
    }

    @Override
    public void complete(SemihostingCall call, long result) {
        answers.add(result);
    }

    @Override
    public int read8(long address) {
        return ram.get(at(address)) & 0xFF;
    }

    @Override
    public int read16(long address) {
        return ram.getShort(at(address)) & 0xFFFF;
    }

    @Override
    public int read32(long address) {
        return ram.getInt(at(address));
    }

    @Override
    public void write8(long address, int value) {
        ram.put(at(address), (byte) value);
    }

    @Override
    public void write16(long address, int value) {
        ram.putShort(at(address), (short) value);
    }

    @Override
    public void write32(long address, int value) {
        ram.putInt(at(address), value);
    }

    @Override
    public void read(long address, byte[] destination, int offset, int length) {
        ram.get(at(address), destination, offset, length);
    }

    @Override
    public void write(long address, byte[] source, int offset, int length) {
        ram.put(at(address), source, offset, length);
    }

    @Override
    public void flush() {
    }
}
