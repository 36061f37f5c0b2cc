package io.probehost.arch.riscv.internal;

import java.util.ArrayList;
import java.util.List;

import io.probehost.arch.riscv.internal.Dmi.Operation;

/**
 * Memory through the program buffer (riscv-debug.md §5.6), for a Debug Module without Access Memory:
 * one load ({@code lbu}/{@code lhu}/{@code lw s1, 0(s0)}) or store ({@code sb}/{@code sh}/{@code sw s1,
 * 0(s0)}) in the buffer, which needs one word and an {@code ebreak} (implicit or in a second word).
 * Each element writes {@code s0} with postexec and moves {@code s1} through {@code data0}; s0 and s1
 * are saved before and restored after. An exception in the program ({@code cmderr} 3) is a bus fault.
 */
final class ProgramBufferMemory implements MemoryAccessor {
    static final int S0 = DebugModule.GPR_BASE + 8;
    static final int S1 = DebugModule.GPR_BASE + 9;
    private static final int ELEMENTS_PER_BATCH = 32;
    private final DebugModule dm;

    ProgramBufferMemory(DebugModule dm) {
        this.dm = dm;
    }

    /** {@code lbu}, {@code lhu} or {@code lw s1, 0(s0)}. */
    static int load(int width) {
        int funct3 = switch (width) {
            case 1 -> 4;
            case 2 -> 5;
            default -> 2;
        };
        return 8 << 15 | funct3 << 12 | 9 << 7 | 0x03;
    }

    /** {@code sb}, {@code sh} or {@code sw s1, 0(s0)}. */
    static int store(int width) {
        return 9 << 20 | 8 << 15 | Integer.numberOfTrailingZeros(width) << 12 | 0x23;
    }

    private static int writeRegister(int regno, boolean postexec) {
        return DebugModule.ACCESS_REGISTER_32 | DebugModule.COMMAND_WRITE | (postexec ? DebugModule.COMMAND_POSTEXEC : 0)
                | regno;
    }

    @Override
    public int[] read(long address, int width, int count) {
        long[] saved = dm.readRegisters(new int[] {S0, S1});
        try {
            dm.loadProgram(load(width));
            int[] values = new int[count];
            MemoryAccessor.inBatches(address, width, count, ELEMENTS_PER_BATCH, (first, n, start) -> {
                List<Operation> operations = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    operations.add(Operation.write(DebugModule.DATA0, (int) (start + (long) i * width)));
                    operations.add(Operation.write(DebugModule.COMMAND, writeRegister(S0, true)));
                    operations.add(Operation.write(DebugModule.COMMAND, DebugModule.ACCESS_REGISTER_32 | S1));
                    operations.add(Operation.read(DebugModule.DATA0));
                }
                int[] read = dm.runCommands(operations, () -> String.format("reading memory at 0x%08X", start));
                System.arraycopy(read, 0, values, first, n);
            });
            return values;
        } finally {
            dm.writeRegisters(new int[] {S0, S1}, saved);
        }
    }

    @Override
    public void write(long address, int width, int[] values) {
        long[] saved = dm.readRegisters(new int[] {S0, S1});
        try {
            dm.loadProgram(store(width));
            MemoryAccessor.inBatches(address, width, values.length, ELEMENTS_PER_BATCH, (first, n, start) -> {
                List<Operation> operations = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    operations.add(Operation.write(DebugModule.DATA0, values[first + i]));
                    operations.add(Operation.write(DebugModule.COMMAND, writeRegister(S1, false)));
                    operations.add(Operation.write(DebugModule.DATA0, (int) (start + (long) i * width)));
                    operations.add(Operation.write(DebugModule.COMMAND, writeRegister(S0, true)));
                }
                dm.runCommands(operations, () -> String.format("writing memory at 0x%08X", start));
            });
        } finally {
            dm.writeRegisters(new int[] {S0, S1}, saved);
        }
    }
}
