package io.probehost.arch.arm.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.FaultReport;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.arch.arm.CortexMType;

/**
 * {@link FaultReport} of a halted Cortex-M: reads IPSR, LR and the stacked frame, and on Armv7-M and
 * Armv8-M Mainline the CFSR, HFSR, MMFAR and BFAR (Armv6-M and Armv8-M Baseline have none).
 */
final class CortexMFaultReport implements FaultReport {
    private static final Set<CortexMType> WITHOUT_FAULT_STATUS = Set.of(CortexMType.CORTEX_M0,
            CortexMType.CORTEX_M0_PLUS, CortexMType.CORTEX_M1, CortexMType.CORTEX_M23, CortexMType.UNKNOWN);
    private static final int STACKED_LR = 0x14;
    private static final int STACKED_PC = 0x18;
    private static final int STACKED_XPSR = 0x1C;

    private final CoreControl core;
    private final MemoryInterface memory;
    private final CortexMType type;

    CortexMFaultReport(CoreControl core, MemoryInterface memory, CortexMType type) {
        this.core = core;
        this.memory = memory;
        this.type = type;
    }

    @Override
    public List<String> describe() {
        return read().describe();
    }

    CortexMFaultState read() {
        int ipsr = (int) (core.readRegister(CortexMRegisters.XPSR) & 0x1FF);
        long excReturn = core.readRegister(CortexMRegisters.LR) & 0xFFFF_FFFFL;
        long lr = 0;
        long pc = 0;
        long xpsr = 0;
        if (ipsr != 0 && CortexMFaultState.isExcReturn(excReturn)) {
            long frame = core.readRegister((excReturn & 0x4) != 0 ? CortexMRegisters.PSP : CortexMRegisters.MSP);
            lr = word(frame + STACKED_LR);
            pc = word(frame + STACKED_PC);
            xpsr = word(frame + STACKED_XPSR);
        }
        Optional<CortexMFaultState.FaultStatus> status = WITHOUT_FAULT_STATUS.contains(type) || ipsr == 0
                ? Optional.empty()
                : Optional.of(new CortexMFaultState.FaultStatus(word(Scs.CFSR), word(Scs.HFSR), word(Scs.MMFAR),
                        word(Scs.BFAR)));
        return new CortexMFaultState(ipsr, excReturn, pc, lr, xpsr, status);
    }

    private long word(long address) {
        return memory.read32(address) & 0xFFFF_FFFFL;
    }
}
