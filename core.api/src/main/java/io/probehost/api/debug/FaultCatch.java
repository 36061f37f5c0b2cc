package io.probehost.api.debug;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Halts the core when it takes a fault, before the handler's first instruction, so that a debugger
 * can show where the firmware failed instead of finding it later spinning in its fault handler. On
 * Arm a vector catch ({@code DEMCR.VC_HARDERR}: every fault the firmware does not handle ends in a
 * HardFault); on RISC-V, whose debug specification has no such bit for the 0.13 Debug Module, a
 * hardware trigger on the trap vector {@code mtvec} holds now, so arm it once the firmware has set
 * its trap vector (at {@code main}).
 *
 * <p>Offered by a {@link DebugTarget} as {@code capability(FaultCatch.class)}; the core must be halted
 * to arm and to disarm the catch.
 */
@ProviderType
public interface FaultCatch extends TargetCapability {

    /** Starts catching faults; closing the result restores what the core did before. */
    Armed arm();

    /** A catch in place. */
    interface Armed extends AutoCloseable {

        /** Whether the halted core stopped because it took a fault, through this catch. */
        boolean caught();

        /**
         * After {@link #caught()}: puts the halted core where a stack walk finds the faulting function.
         * Cortex-M needs nothing (the unwinder follows the stacked exception frame); a RISC-V trap
         * stacks nothing and changes no general register, so the pc goes back to {@code mepc}, the
         * trapping instruction (the firmware is not meant to run on from there).
         */
        void rewindToFault();

        /** Stops catching, restoring the setting found when armed. */
        @Override
        void close();
    }
}
