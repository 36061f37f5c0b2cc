package io.probehost.gdbserver.internal;

import java.util.List;
import java.util.Optional;

import io.probehost.api.debug.HaltReason;

/**
 * The signal a stop reply gives, in the numbering of GDB's remote protocol ({@code gdb/signals.def}):
 * SIGTRAP for breakpoints, watchpoints and steps, SIGINT for GDB's Ctrl-C, and for a core that
 * halted otherwise (attached to, caught at a vector) inside a fault handler the signal a program
 * gets for that fault, as pyOCD answers: on Arm from the exception number in xPSR (HardFault and
 * MemManage SIGSEGV, BusFault SIGBUS, UsageFault SIGILL); on RISC-V from mcause when the hart
 * stands at its trap vector (mtvec).
 */
final class StopSignal {
    static final int SIGINT = 2;
    static final int SIGILL = 4;
    static final int SIGTRAP = 5;
    static final int SIGBUS = 10;
    static final int SIGSEGV = 11;

    private static final int ARM_HARD_FAULT = 3;
    private static final int ARM_MEM_MANAGE = 4;
    private static final int ARM_BUS_FAULT = 5;
    private static final int ARM_USAGE_FAULT = 6;
    private static final int ARM_SECURE_FAULT = 7;
    private static final long RISCV_INTERRUPT = 1L << 31;

    private StopSignal() {
    }

    /** The signal for a core halted for {@code reason}, reading the registers it needs through {@code registers}. */
    static int of(HaltReason reason, RegisterLayout layout, RegisterCache registers) {
        return switch (reason) {
            case BREAKPOINT, WATCHPOINT, STEP -> SIGTRAP;
            default -> fault(layout, registers).orElse(SIGTRAP);
        };
    }

    private static Optional<Integer> fault(RegisterLayout layout, RegisterCache registers) {
        Optional<RegisterLayout.Entry> xpsr = layout.named("xpsr");
        if (xpsr.isPresent()) {
            return armFault((int) (registers.read(xpsr.get()) & 0x1FF));
        }
        Optional<RegisterLayout.Entry> mcause = layout.named("mcause");
        Optional<RegisterLayout.Entry> mtvec = layout.named("mtvec");
        Optional<RegisterLayout.Entry> pc = layout.named("pc");
        if (mcause.isPresent() && mtvec.isPresent() && pc.isPresent()) {
            long[] values = registers.read(List.of(mcause.get(), mtvec.get(), pc.get()));
            boolean atVector = values[2] == (values[1] & ~3L);
            return atVector ? riscvFault(values[0] & 0xFFFF_FFFFL) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Arm's exception number (IPSR) of a fault handler to its signal; empty for any other. */
    static Optional<Integer> armFault(int exception) {
        return switch (exception) {
            case ARM_HARD_FAULT, ARM_MEM_MANAGE, ARM_SECURE_FAULT -> Optional.of(SIGSEGV);
            case ARM_BUS_FAULT -> Optional.of(SIGBUS);
            case ARM_USAGE_FAULT -> Optional.of(SIGILL);
            default -> Optional.empty();
        };
    }

    /**
     * RISC-V's mcause to a signal: misaligned accesses SIGBUS, access and page faults SIGSEGV,
     * an illegal instruction SIGILL; empty for interrupts, ebreak and ecall.
     */
    static Optional<Integer> riscvFault(long mcause) {
        if ((mcause & RISCV_INTERRUPT) != 0) {
            return Optional.empty();
        }
        return switch ((int) mcause) {
            case 0, 4, 6 -> Optional.of(SIGBUS);
            case 1, 5, 7, 12, 13, 15 -> Optional.of(SIGSEGV);
            case 2 -> Optional.of(SIGILL);
            default -> Optional.empty();
        };
    }
}
