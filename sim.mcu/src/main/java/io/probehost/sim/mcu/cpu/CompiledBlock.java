package io.probehost.sim.mcu.cpu;

/**
 * A straight run of instructions compiled by {@link BlockCompiler} into a class of its own: each
 * instruction a call of its {@link ThumbExecutor} routine with its PC and bits as constants, which
 * the JIT inlines and folds. An abstract class rather than an interface: a virtual call costs less
 * than an interface call where many blocks meet.
 */
abstract class CompiledBlock {

    /**
     * Executes the block from its first instruction and returns how many instructions retired:
     * all of them, or fewer when one ended the core's quiet run ({@link Core#quietEnded()}), which
     * {@link Core#leaveBlock} then finishes. A fault propagates with the PC at the faulting instruction.
     */
    abstract int run(ThumbExecutor executor, Registers registers, Core core);
}
