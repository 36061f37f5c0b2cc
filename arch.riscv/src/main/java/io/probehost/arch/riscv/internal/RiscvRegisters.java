package io.probehost.arch.riscv.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.probehost.api.debug.CoreRegister;

/**
 * The registers of an RV32 hart as {@link CoreRegister}s numbered by their abstract command
 * {@code regno} (riscv-debug.md §2.5): x0-x31 (0x1000-0x101f) under their ABI names, {@code pc} as
 * {@code dpc} (0x7b1), then the machine CSRs firmware and debuggers use. Lookups also accept
 * {@code x0}..{@code x31} and {@code fp}.
 */
final class RiscvRegisters {
    static final String[] ABI_NAMES = {"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1",
        "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4",
        "t5", "t6"};
    static final int DPC = 0x7B1;
    static final int DCSR = 0x7B0;
    static final int MSTATUS = 0x300;
    static final int MISA = 0x301;
    static final int TSELECT = 0x7A0;
    static final int TDATA1 = 0x7A1;
    static final int TDATA2 = 0x7A2;
    static final CoreRegister PC = new CoreRegister("pc", DPC, 32);
    static final CoreRegister RA = gpr(1);
    static final CoreRegister SP = gpr(2);
    static final CoreRegister GP = gpr(3);
    static final CoreRegister A0 = gpr(10);
    static final List<CoreRegister> ALL;

    static {
        List<CoreRegister> all = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            all.add(gpr(i));
        }
        all.add(PC);
        all.add(csr("mstatus", MSTATUS));
        all.add(csr("misa", MISA));
        all.add(csr("mie", 0x304));
        all.add(csr("mtvec", 0x305));
        all.add(csr("mscratch", 0x340));
        all.add(csr("mepc", 0x341));
        all.add(csr("mcause", 0x342));
        all.add(csr("mtval", 0x343));
        all.add(csr("mip", 0x344));
        all.add(csr("mcycle", 0xB00));
        all.add(csr("minstret", 0xB02));
        all.add(csr("mhartid", 0xF14));
        all.add(csr("dcsr", DCSR));
        ALL = List.copyOf(all);
    }

    private RiscvRegisters() {
    }

    static CoreRegister gpr(int index) {
        return new CoreRegister(ABI_NAMES[index], DebugModule.GPR_BASE + index, 32);
    }

    private static CoreRegister csr(String name, int number) {
        return new CoreRegister(name, number, 32);
    }

    /** A register by ABI name, {@code xN}, {@code fp} or CSR name, ignoring case. */
    static Optional<CoreRegister> named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals("fp")) {
            return Optional.of(gpr(8));
        }
        if (wanted.matches("x([0-9]|[12][0-9]|3[01])")) {
            return Optional.of(gpr(Integer.parseInt(wanted.substring(1))));
        }
        return ALL.stream().filter(register -> register.name().equals(wanted)).findFirst();
    }
}
