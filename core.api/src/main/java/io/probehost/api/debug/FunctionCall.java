package io.probehost.api.debug;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One call of a function in target memory, independent of the architecture: the
 * {@link FunctionCaller} puts the arguments, the return address, the stack pointer and the static
 * base where its procedure call standard wants them (on Arm R0-R3, LR, SP, R9; on RISC-V a0-a7, ra,
 * sp, gp).
 *
 * @param name          what the caller calls the function in messages, such as {@code ProgramPage}
 * @param entry         the function's address; an instruction-set bit (the Thumb bit) may or may
 *                      not be set, the caller sets what its architecture needs
 * @param arguments     the register arguments in order, each at most 32 bits wide
 * @param returnAddress where a trap instruction waits for the function's return (BKPT on Arm,
 *                      {@code ebreak} on RISC-V), placed in memory by whoever makes the call
 * @param stackPointer  the stack pointer to start with; empty: keep the current one (a function that
 *                      returned leaves it as it was)
 * @param staticBase    the static base register (R9, gp) for position-independent data; empty:
 *                      keep the current one
 */
public record FunctionCall(String name, long entry, List<Long> arguments, long returnAddress,
        OptionalLong stackPointer, OptionalLong staticBase) {

    public FunctionCall {
        Objects.requireNonNull(name, "name");
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(stackPointer, "stackPointer");
        Objects.requireNonNull(staticBase, "staticBase");
        for (long argument : arguments) {
            if ((argument & ~0xFFFF_FFFFL) != 0) {
                throw new IllegalArgumentException(String.format("%s: argument 0x%X is wider than 32 bits", name,
                        argument));
            }
        }
    }

    /** A call that keeps the current stack pointer and static base. */
    public static FunctionCall of(String name, long entry, long returnAddress, long... arguments) {
        return new FunctionCall(name, entry, Arrays.stream(arguments).boxed().toList(), returnAddress,
                OptionalLong.empty(), OptionalLong.empty());
    }

    public FunctionCall withStackPointer(long value) {
        return new FunctionCall(name, entry, arguments, returnAddress, OptionalLong.of(value), staticBase);
    }

    public FunctionCall withStaticBase(long value) {
        return new FunctionCall(name, entry, arguments, returnAddress, stackPointer, OptionalLong.of(value));
    }
}
