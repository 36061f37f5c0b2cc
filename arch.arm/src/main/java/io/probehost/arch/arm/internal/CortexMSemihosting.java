package io.probehost.arch.arm.internal;

import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.debug.TrapSemihosting;

/**
 * Semihosting of a Cortex-M: the firmware runs Thumb {@code BKPT 0xAB} with the operation in R0 and
 * the parameter in R1. With halting debug enabled (C_DEBUGEN, which every resume keeps) the core
 * halts on the BKPT with DFSR.BKPT set and the pc on the BKPT itself (ARMv6-M and ARMv7-M ARM ARM,
 * C1.6 and C1.7); the answer goes into R0 and the pc moves past the 2-byte BKPT.
 */
final class CortexMSemihosting extends TrapSemihosting {
    static final int BKPT_SEMIHOSTING = 0xBEAB;
    private static final int BKPT_BYTES = 2;

    CortexMSemihosting(CoreControl core, MemoryInterface memory) {
        super(core, memory, CortexMRegisters.PC, CortexMRegisters.general(0), CortexMRegisters.general(1), BKPT_BYTES);
    }

    @Override
    protected boolean isTrap(MemoryInterface memory, long address) {
        return (memory.read16(address) & 0xFFFF) == BKPT_SEMIHOSTING;
    }
}
