package io.probehost.arch.arm.internal;

import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.FaultCatch;
import io.probehost.api.debug.HaltReason;
import io.probehost.api.debug.MemoryInterface;

/**
 * {@link FaultCatch} of a Cortex-M: DEMCR.VC_HARDERR, which every Cortex-M has (ARMv6-M included),
 * halts the core on taking a HardFault, before the handler runs, with DFSR.VCATCH set. A fault the
 * firmware leaves disabled (UsageFault, BusFault, MemManage on ARMv7-M) escalates to HardFault, so
 * one bit catches them all, as probe-rs and pyOCD do by default.
 */
final class CortexMFaultCatch implements FaultCatch {
    private final CoreControl core;
    private final MemoryInterface memory;

    CortexMFaultCatch(CoreControl core, MemoryInterface memory) {
        this.core = core;
        this.memory = memory;
    }

    @Override
    public Armed arm() {
        int before = memory.read32(Scs.DEMCR);
        memory.write32(Scs.DEMCR, before | Scs.DEMCR_VC_HARDERR);
        memory.flush();
        boolean wasSet = (before & Scs.DEMCR_VC_HARDERR) != 0;
        return new Armed() {
            @Override
            public boolean caught() {
                return core.haltReason().orElse(null) == HaltReason.VECTOR_CATCH;
            }

            @Override
            public void rewindToFault() {
                // the unwinder follows EXC_RETURN into the stacked frame
            }

            @Override
            public void close() {
                if (!wasSet) {
                    memory.write32(Scs.DEMCR, memory.read32(Scs.DEMCR) & ~Scs.DEMCR_VC_HARDERR);
                    memory.flush();
                }
            }
        };
    }
}
