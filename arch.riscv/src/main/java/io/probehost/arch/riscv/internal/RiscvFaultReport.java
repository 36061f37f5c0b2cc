package io.probehost.arch.riscv.internal;

import java.util.List;

import io.probehost.api.ProbeException;
import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.CoreRegister;
import io.probehost.api.debug.FaultReport;

/** {@link FaultReport} of a halted RISC-V hart: its last trap from mcause, mepc and mtval. */
final class RiscvFaultReport implements FaultReport {
    private final CoreControl core;

    RiscvFaultReport(CoreControl core) {
        this.core = core;
    }

    @Override
    public List<String> describe() {
        return new RiscvTrapState(csr("mcause"), csr("mepc"), csr("mtval")).describe();
    }

    private long csr(String name) {
        CoreRegister register = core.register(name)
                .orElseThrow(() -> new ProbeException(core.coreName() + " has no " + name + " CSR"));
        return core.readRegister(register) & 0xFFFF_FFFFL;
    }
}
