package io.probehost.api.debug;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Semihosting: firmware asks the debugger for a service (print, exit) by halting the core on a trap
 * the architecture reserves for it, with the operation and a parameter in two registers. On Arm the
 * trap is Thumb {@code BKPT 0xAB} with the operation in R0 and the parameter in R1; on RISC-V the
 * three-instruction sequence {@code slli x0,x0,0x1f; ebreak; srai x0,x0,7} with a0 and a1. The
 * debugger performs the operation, puts the result where the operation expects it (R0, a0), moves
 * the pc past the trap and lets the core run.
 *
 * <p>Offered by a {@link DebugTarget} as {@code capability(Semihosting.class)}; the implementation
 * makes the trap halt the core rather than fault (C_DEBUGEN on Arm, {@code dcsr.ebreakm} on RISC-V).
 */
@ProviderType
public interface Semihosting extends TargetCapability {

    /**
     * The semihosting call the halted core makes, or empty when it is running or halted for another
     * reason (a breakpoint, a fault, a request).
     */
    Optional<SemihostingCall> pendingCall();

    /**
     * The first {@code count} fields of the call's parameter block, each of the architecture's word
     * size, as unsigned values.
     */
    long[] readParameterBlock(SemihostingCall call, int count);

    /** Writes {@code result} into the result register, moves the pc past the trap and resumes the core. */
    void complete(SemihostingCall call, long result);
}
