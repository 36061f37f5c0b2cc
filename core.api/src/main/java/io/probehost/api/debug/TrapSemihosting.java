package io.probehost.api.debug;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * {@link Semihosting} for a 32-bit core whose semihosting trap halts it as a breakpoint with the pc
 * on a trap instruction of fixed length, the operation and the parameter in two registers, and the
 * answer going back into the operation's register: Arm ({@code BKPT 0xAB}; R0, R1) and RISC-V (the
 * {@code ebreak} between {@code slli} and {@code srai}; a0, a1). An architecture names its registers
 * and recognises its trap; completing writes the answer, moves the pc past the trap and resumes.
 */
@ConsumerType
public abstract class TrapSemihosting implements Semihosting {
    private static final int WORD_BYTES = 4;

    private final CoreControl core;
    private final MemoryInterface memory;
    private final CoreRegister pc;
    private final CoreRegister operation;
    private final CoreRegister parameter;
    private final int trapBytes;

    /**
     * @param pc        the program counter register
     * @param operation the register with the operation number, which gets the answer
     * @param parameter the register with the parameter
     * @param trapBytes the length of the trap instruction the pc halts on
     */
    protected TrapSemihosting(CoreControl core, MemoryInterface memory, CoreRegister pc, CoreRegister operation,
            CoreRegister parameter, int trapBytes) {
        this.core = core;
        this.memory = memory;
        this.pc = pc;
        this.operation = operation;
        this.parameter = parameter;
        this.trapBytes = trapBytes;
    }

    /** Whether the code at {@code address}, where the core halted, is this architecture's semihosting trap. */
    protected abstract boolean isTrap(MemoryInterface memory, long address);

    @Override
    public Optional<SemihostingCall> pendingCall() {
        if (core.haltReason().orElse(null) != HaltReason.BREAKPOINT) {
            return Optional.empty();
        }
        long address = core.readRegister(pc) & 0xFFFF_FFFEL;
        if (!isTrap(memory, address)) {
            return Optional.empty();
        }
        long[] arguments = core.readRegisters(List.of(operation, parameter));
        return Optional.of(new SemihostingCall((int) arguments[0], arguments[1] & 0xFFFF_FFFFL, address, WORD_BYTES));
    }

    @Override
    public long[] readParameterBlock(SemihostingCall call, int count) {
        return call.readParameterBlock(memory, count);
    }

    @Override
    public void complete(SemihostingCall call, long result) {
        core.writeRegister(operation, result & 0xFFFF_FFFFL);
        core.writeRegister(pc, call.trapAddress() + trapBytes);
        core.resume();
    }
}
