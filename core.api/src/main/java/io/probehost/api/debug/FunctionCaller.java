package io.probehost.api.debug;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Calls functions in target memory under debug control, the way flash algorithms and other helper
 * code run: the core must be halted; {@link #start} writes the registers the architecture's
 * procedure call standard names and lets the core run; the function returns into a trap
 * instruction at {@link FunctionCall#returnAddress()}, which halts the core; {@link #await} waits
 * for that and reads the result register. Start and await are apart so that the caller can use
 * the link while the function runs (write the next page into a second buffer).
 *
 * <p>The implementation makes the trap halt the core (C_DEBUGEN on Arm, so that a BKPT does not
 * become a HardFault; {@code dcsr.ebreakm} on RISC-V) and sets whatever mode bit its instruction set
 * needs (the Thumb bit of the entry and return addresses on Cortex-M); callers pass plain addresses.
 *
 * <p>Offered by a {@link DebugTarget} as {@code capability(FunctionCaller.class)}. One call runs at
 * a time; a call that does not return is halted and reported.
 */
@ProviderType
public interface FunctionCaller extends TargetCapability {

    /** How many arguments travel in registers: 4 on Arm (R0-R3), 8 on RISC-V (a0-a7). */
    int maxArguments();

    /**
     * Sets up the call and resumes the core; does not wait. Throws
     * {@link IllegalArgumentException} for more arguments than {@link #maxArguments()}, and
     * {@link io.probehost.api.TargetException} when the core is not halted.
     */
    void start(FunctionCall call);

    /**
     * Waits up to {@code timeout} for the call last started to return into its trap, and returns the
     * result register (R0, a0) as an unsigned 32-bit value. A call that does not return in time is
     * halted and ends in a {@link FunctionCallTimeoutException}; one that halts anywhere else than
     * its trap (a fault, a breakpoint) in a {@link FunctionCallException}.
     */
    long await(Duration timeout);

    /** {@link #start} then {@link #await}. */
    default long call(FunctionCall call, Duration timeout) {
        start(call);
        return await(timeout);
    }
}
