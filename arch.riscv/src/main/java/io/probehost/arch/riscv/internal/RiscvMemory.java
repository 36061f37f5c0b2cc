package io.probehost.arch.riscv.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Supplier;

import io.probehost.api.TransferFaultException;
import io.probehost.api.debug.MemoryInterface;

/**
 * Memory through the Debug Module: System Bus Access when the DM has it (the hart may run), else the
 * hart's view through Access Memory commands, or the program buffer once the DM answers that it does
 * not support them ({@code cmderr} 2). The GD32VF103's DM, like every DM without system bus access,
 * reaches memory only through a halted hart, so an access to a running hart halts it, accesses and
 * resumes it ({@link Hart#whileHalted}), as a debugger user expects memory reads to work while the
 * program runs. Byte ranges are split into a leading and
 * trailing part of byte and half-word accesses and words between. A bus error or an exception
 * becomes a {@link TransferFaultException} naming the faulting address. Nothing is buffered.
 */
final class RiscvMemory implements MemoryInterface {
    private final Hart hart;
    private MemoryAccessor accessor;
    private final MemoryAccessor fallback;
    private final SystemBusMemory systemBus;

    /** @param systemBus the DM's system bus access, or null when it has none */
    RiscvMemory(Hart hart, SystemBusMemory systemBus) {
        this.hart = hart;
        this.accessor = new AccessMemoryCommands(hart.debugModule());
        this.fallback = new ProgramBufferMemory(hart.debugModule());
        this.systemBus = systemBus;
    }

    /** Whether accesses go over the system bus (no halting). */
    boolean usesSystemBus() {
        return systemBus != null;
    }

    /** {@code action} as the DM allows it: directly over the system bus, else on a halted hart. */
    private <T> T reach(Supplier<T> action) {
        return systemBus != null ? action.get() : hart.whileHalted(action);
    }

    /** Whether accesses go through the program buffer (the DM refused Access Memory). */
    boolean usesProgramBuffer() {
        return accessor == fallback;
    }

    @Override
    public int read8(long address) {
        return elements(address, 1, 1)[0] & 0xFF;
    }

    @Override
    public int read16(long address) {
        requireAligned(address, 2);
        return elements(address, 2, 1)[0] & 0xFFFF;
    }

    @Override
    public int read32(long address) {
        requireAligned(address, 4);
        return elements(address, 4, 1)[0];
    }

    @Override
    public void write8(long address, int value) {
        store(address, 1, new int[] {value & 0xFF});
    }

    @Override
    public void write16(long address, int value) {
        requireAligned(address, 2);
        store(address, 2, new int[] {value & 0xFFFF});
    }

    @Override
    public void write32(long address, int value) {
        requireAligned(address, 4);
        store(address, 4, new int[] {value});
    }

    @Override
    public void read(long address, byte[] destination, int offset, int length) {
        reach(() -> {
            forEachRun(address, length, (at, width, count, done) -> {
                ByteBuffer out = ByteBuffer.wrap(destination, offset + done, count * width).order(ByteOrder.LITTLE_ENDIAN);
                for (int value : elements(at, width, count)) {
                    switch (width) {
                        case 1 -> out.put((byte) value);
                        case 2 -> out.putShort((short) value);
                        default -> out.putInt(value);
                    }
                }
            });
            return null;
        });
    }

    @Override
    public void write(long address, byte[] source, int offset, int length) {
        reach(() -> {
            forEachRun(address, length, (at, width, count, done) -> {
                ByteBuffer in = ByteBuffer.wrap(source, offset + done, count * width).order(ByteOrder.LITTLE_ENDIAN);
                int[] values = new int[count];
                for (int i = 0; i < count; i++) {
                    values[i] = switch (width) {
                        case 1 -> in.get() & 0xFF;
                        case 2 -> in.getShort() & 0xFFFF;
                        default -> in.getInt();
                    };
                }
                store(at, width, values);
            });
            return null;
        });
    }

    /** A run of {@code count} aligned elements of {@code width} bytes at {@code address}, {@code done} bytes in. */
    private interface Run {
        void apply(long address, int width, int count, int done);
    }

    /** Cuts a byte range into runs: single bytes and half-words up to word alignment, words, then the tail. */
    private static void forEachRun(long address, int length, Run run) {
        long at = address;
        int done = 0;
        while (done < length) {
            int width = width(at, length - done);
            int count = width == 4 ? (length - done) / 4 : 1;
            run.apply(at, width, count, done);
            at += (long) count * width;
            done += count * width;
        }
    }

    @Override
    public void flush() {
        // every access is complete when its call returns
    }

    /** The widest aligned element at {@code address} that {@code remaining} bytes fill. */
    private static int width(long address, int remaining) {
        if ((address & 3) == 0 && remaining >= 4) {
            return 4;
        }
        if ((address & 1) == 0 && remaining >= 2) {
            return 2;
        }
        return 1;
    }

    private int[] elements(long address, int width, int count) {
        if (systemBus != null && systemBus.supports(width)) {
            return systemBus.read(address, width, count);
        }
        return hart.whileHalted(() -> {
            try {
                return accessor.read(address, width, count);
            } catch (AbstractCommandException e) {
                if (switchedToProgramBuffer(e)) {
                    return accessor.read(address, width, count);
                }
                throw fault(e, address, width, count, true);
            }
        });
    }

    private void store(long address, int width, int[] values) {
        if (systemBus != null && systemBus.supports(width)) {
            systemBus.write(address, width, values);
            return;
        }
        hart.whileHalted(() -> {
            try {
                accessor.write(address, width, values);
            } catch (AbstractCommandException e) {
                if (switchedToProgramBuffer(e)) {
                    accessor.write(address, width, values);
                    return;
                }
                throw fault(e, address, width, values.length, false);
            }
        });
    }

    private boolean switchedToProgramBuffer(AbstractCommandException e) {
        if (e.cmderr() == AbstractCommandException.NOT_SUPPORTED && accessor != fallback
                && hart.debugModule().programFits(1)) {
            accessor = fallback;
            return true;
        }
        return false;
    }

    /** The fault of a failed run, at the first element that fails alone (reads only; writes name the run). */
    private TransferFaultException fault(AbstractCommandException e, long address, int width, int count, boolean read) {
        long at = address;
        if (read && count > 1) {
            for (int i = 0; i < count; i++) {
                try {
                    accessor.read(address + (long) i * width, width, 1);
                } catch (AbstractCommandException single) {
                    at = address + (long) i * width;
                    break;
                }
            }
        }
        return new TransferFaultException(String.format("%s of %d byte%s at 0x%08X failed: %s", read ? "read" : "write",
                width, width == 1 ? "" : "s", at, e.getMessage()), at);
    }

    private static void requireAligned(long address, int width) {
        if (address % width != 0) {
            throw new IllegalArgumentException(String.format("address 0x%08X is not aligned to %d bytes", address, width));
        }
    }
}
