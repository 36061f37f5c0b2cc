package io.probehost.flash.format.debug;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What the {@link Unwinder} needs to know about an architecture: its DWARF register numbers, which
 * registers a callee preserves, how code addresses are written, how hardware exception frames are
 * recognised and popped, and how to step out of a function that has no CFI. {@link CortexMUnwinding}
 * and {@link RiscvUnwinding} are the two the library brings; {@code arch.*} bundles may supply others.
 */
@ConsumerType
public interface UnwindArchitecture {

    /** The register a frame's program counter is kept under in {@link RegisterValues}. */
    int programCounter();

    /** The DWARF number of the stack pointer; a caller's stack pointer is the callee's CFA. */
    int stackPointer();

    /** The DWARF number of the register holding the return address on entry (LR, ra). */
    int returnAddress();

    /** True when a callee keeps {@code register} unchanged unless CFI says it saved it. */
    boolean isCalleeSaved(int register);

    /** The instruction address a register value denotes (the Thumb bit cleared on Arm). */
    long codeAddress(long value);

    /**
     * When {@code returnAddress} is not a call's return address but marks a hardware exception return
     * (EXC_RETURN on Cortex-M), the registers of the interrupted code, popped from the exception frame.
     *
     * @param handler the registers of the handler frame that returns there
     * @param caller the registers after unwinding the handler frame (its stack pointer is the CFA)
     */
    default Optional<ExceptionReturn> exceptionReturn(long returnAddress, RegisterValues handler, RegisterValues caller,
            TargetMemory memory) {
        return Optional.empty();
    }

    /**
     * When the frame just stepped out of runs a trap handler that returns with an instruction of its
     * own (RISC-V {@code mret}, to mepc) rather than to its return-address register: the registers of
     * the trapped code, resuming at the trapped instruction. Checked before {@link #exceptionReturn}.
     *
     * @param functionStart the start of the handler frame's function, or -1 when no symbol names it
     * @param handler the registers of the handler frame
     * @param caller the registers after unwinding the handler frame (what its prologue saved, restored)
     */
    default Optional<ExceptionReturn> trapReturn(long functionStart, RegisterValues handler, RegisterValues caller) {
        return Optional.empty();
    }

    /**
     * The caller's registers, with the return address under {@link #returnAddress()} and the stack
     * pointer set, for a frame no CFI covers; empty when it cannot be done reliably.
     *
     * @param innermost true for the frame the core halted in or an exception interrupted: its registers are
     *            all live, so the return-address register still holds the return address unless the code saved it
     * @param functionStart the start of the function the frame runs, or -1 when no symbol names it
     */
    default Optional<RegisterValues> unwindWithoutCfi(RegisterValues frame, boolean innermost, long functionStart,
            TargetMemory memory) {
        return innermost ? Optional.of(frame) : Optional.empty();
    }

    /** The registers of the code an exception interrupted, and a name for the exception ({@code HardFault}). */
    record ExceptionReturn(RegisterValues interrupted, String exception) {
    }
}
