package io.probehost.sim.riscv.debug;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.riscv.Hart;

/**
 * The abstract commands of the Debug Module, executed at once on a halted hart: Access Register
 * (32-bit GPRs and CSRs, post-increment, post-exec of the program buffer) and Access Memory
 * (8/16/32-bit, physical, post-increment; the hart's view of the bus). Quick Access is not
 * supported. Arguments live in {@code data}: data0 value, data1 address.
 */
final class AbstractCommands {
    static final int ACCESS_REGISTER = 0;
    static final int ACCESS_MEMORY = 2;
    private static final int SIZE_32 = 2;
    private static final int REGNO_GPR = 0x1000;
    private static final int REGNO_FPR = 0x1020;
    private static final int POSTINCREMENT = 1 << 19;
    private static final int POSTEXEC = 1 << 18;
    private static final int TRANSFER = 1 << 17;
    private static final int WRITE = 1 << 16;
    private static final int AAMVIRTUAL = 1 << 23;
    /** Instructions a program buffer may run before the command counts as failed (it never returned). */
    private static final long PROGRAM_BUFFER_LIMIT = 100_000;

    private final Hart hart;
    private final MemoryPort bus;
    private final int[] data;
    private final int[] programBuffer;

    AbstractCommands(Hart hart, MemoryPort bus, int[] data, int[] programBuffer) {
        this.hart = hart;
        this.bus = bus;
        this.data = data;
        this.programBuffer = programBuffer;
    }

    /** Runs {@code command}; returns the command word to keep (regno post-incremented). */
    int execute(int command) throws CommandFailed {
        if (!hart.halted()) {
            throw new CommandFailed(AbstractCommandError.HALT_RESUME);
        }
        return switch (command >>> 24) {
            case ACCESS_REGISTER -> accessRegister(command);
            case ACCESS_MEMORY -> accessMemory(command);
            default -> throw new CommandFailed(AbstractCommandError.NOT_SUPPORTED);
        };
    }

    private int accessRegister(int command) throws CommandFailed {
        int regno = command & 0xFFFF;
        if ((command & TRANSFER) != 0) {
            if ((command >>> 20 & 7) != SIZE_32) {
                throw new CommandFailed(AbstractCommandError.NOT_SUPPORTED);
            }
            transferRegister(regno, (command & WRITE) != 0);
        }
        int next = command;
        if ((command & POSTINCREMENT) != 0) {
            next = (command & ~0xFFFF) | ((regno + 1) & 0xFFFF);
        }
        if ((command & POSTEXEC) != 0) {
            executeProgramBuffer();
        }
        return next;
    }

    private void transferRegister(int regno, boolean write) throws CommandFailed {
        if (regno >= REGNO_GPR && regno < REGNO_FPR) {
            if (write) {
                hart.setRegister(regno - REGNO_GPR, data[0]);
            } else {
                data[0] = hart.register(regno - REGNO_GPR);
            }
            return;
        }
        if (regno >= REGNO_GPR) {
            throw new CommandFailed(AbstractCommandError.EXCEPTION); // no FPRs, nothing custom
        }
        try {
            if (write) {
                hart.writeCsr(regno, data[0]);
            } else {
                data[0] = hart.readCsr(regno);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandFailed(AbstractCommandError.EXCEPTION);
        }
    }

    void executeProgramBuffer() throws CommandFailed {
        if (!hart.executeProgramBuffer(programBuffer, PROGRAM_BUFFER_LIMIT)) {
            throw new CommandFailed(AbstractCommandError.EXCEPTION);
        }
    }

    private int accessMemory(int command) throws CommandFailed {
        int sizeCode = command >>> 20 & 7;
        if ((command & AAMVIRTUAL) != 0 || sizeCode > SIZE_32) {
            throw new CommandFailed(AbstractCommandError.NOT_SUPPORTED);
        }
        AccessSize size = switch (sizeCode) {
            case 0 -> AccessSize.BYTE;
            case 1 -> AccessSize.HALFWORD;
            default -> AccessSize.WORD;
        };
        int address = data[1];
        if ((address & (size.bytes() - 1)) != 0) {
            throw new CommandFailed(AbstractCommandError.BUS);
        }
        try {
            if ((command & WRITE) != 0) {
                bus.write(address, size, data[0] & mask(size));
            } else {
                data[0] = bus.read(address, size);
            }
        } catch (BusFault e) {
            throw new CommandFailed(AbstractCommandError.BUS);
        }
        if ((command & POSTINCREMENT) != 0) {
            data[1] = address + size.bytes();
        }
        return command;
    }

    private static int mask(AccessSize size) {
        return size == AccessSize.WORD ? -1 : (1 << (8 * size.bytes())) - 1;
    }
}
