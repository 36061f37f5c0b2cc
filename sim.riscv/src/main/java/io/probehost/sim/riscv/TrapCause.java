package io.probehost.sim.riscv;

/** The {@code mcause} values an M-mode-only RV32IMAC hart raises (privileged spec, table 3.6). */
public enum TrapCause {
    INSTRUCTION_ACCESS_FAULT(1, false),
    ILLEGAL_INSTRUCTION(2, false),
    BREAKPOINT(3, false),
    LOAD_ADDRESS_MISALIGNED(4, false),
    LOAD_ACCESS_FAULT(5, false),
    STORE_ADDRESS_MISALIGNED(6, false),
    STORE_ACCESS_FAULT(7, false),
    ECALL_FROM_M(11, false),
    MACHINE_SOFTWARE_INTERRUPT(3, true),
    MACHINE_TIMER_INTERRUPT(7, true),
    MACHINE_EXTERNAL_INTERRUPT(11, true);

    private final int code;
    private final boolean interrupt;

    TrapCause(int code, boolean interrupt) {
        this.code = code;
        this.interrupt = interrupt;
    }

    /** The exception or interrupt code (mcause without the interrupt bit). */
    public int code() {
        return code;
    }

    public boolean interrupt() {
        return interrupt;
    }

    /** The value {@code mcause} takes: the code, with bit 31 set for an interrupt. */
    public int mcause() {
        return interrupt ? code | 0x8000_0000 : code;
    }

    /** The {@code mip}/{@code mie} bit of an interrupt. */
    public int pendingBit() {
        if (!interrupt) {
            throw new IllegalStateException(this + " is not an interrupt");
        }
        return 1 << code;
    }
}
