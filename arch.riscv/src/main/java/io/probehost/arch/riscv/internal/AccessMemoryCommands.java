package io.probehost.arch.riscv.internal;

import java.util.ArrayList;
import java.util.List;

import io.probehost.arch.riscv.internal.Dmi.Operation;

/**
 * Memory through the Access Memory abstract command (riscv-debug.md §5.8): {@code data1} the address,
 * {@code data0} the value, {@code aampostincrement} stepping the address, so that each further element
 * costs a {@code command} write and a {@code data0} access, {@link #ELEMENTS_PER_BATCH} of them per DMI
 * batch with {@code abstractcs} checked at its end. A bus error or exception names the batch's first
 * address ({@link RiscvMemory} narrows it down).
 */
final class AccessMemoryCommands implements MemoryAccessor {
    static final int ELEMENTS_PER_BATCH = 64;
    static final int ACCESS_MEMORY = 2 << 24;
    static final int AAMPOSTINCREMENT = 1 << 19;
    private final DebugModule dm;

    AccessMemoryCommands(DebugModule dm) {
        this.dm = dm;
    }

    static int command(int width, boolean write) {
        return ACCESS_MEMORY | Integer.numberOfTrailingZeros(width) << 20 | AAMPOSTINCREMENT
                | (write ? DebugModule.COMMAND_WRITE : 0);
    }

    @Override
    public int[] read(long address, int width, int count) {
        int[] values = new int[count];
        MemoryAccessor.inBatches(address, width, count, ELEMENTS_PER_BATCH, (first, n, start) -> {
            List<Operation> operations = new ArrayList<>();
            operations.add(Operation.write(DebugModule.DATA1, (int) start));
            for (int i = 0; i < n; i++) {
                operations.add(Operation.write(DebugModule.COMMAND, command(width, false)));
                operations.add(Operation.read(DebugModule.DATA0));
            }
            int[] read = dm.runCommands(operations, () -> String.format("reading memory at 0x%08X", start));
            System.arraycopy(read, 0, values, first, n);
        });
        return values;
    }

    @Override
    public void write(long address, int width, int[] values) {
        MemoryAccessor.inBatches(address, width, values.length, ELEMENTS_PER_BATCH, (first, n, start) -> {
            List<Operation> operations = new ArrayList<>();
            operations.add(Operation.write(DebugModule.DATA1, (int) start));
            for (int i = 0; i < n; i++) {
                operations.add(Operation.write(DebugModule.DATA0, values[first + i]));
                operations.add(Operation.write(DebugModule.COMMAND, command(width, true)));
            }
            dm.runCommands(operations, () -> String.format("writing memory at 0x%08X", start));
        });
    }
}
