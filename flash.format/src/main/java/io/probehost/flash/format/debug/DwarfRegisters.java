package io.probehost.flash.format.debug;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import io.probehost.api.debug.CoreControl;
import io.probehost.api.debug.CoreRegister;

/**
 * A halted core's registers by the numbers the unwinder uses: on a Cortex-M the DCRSR REGSEL of
 * R0-R15 is the DWARF number and xPSR, MSP and PSP go under 0x10000 + REGSEL; on RISC-V the
 * abstract-command numbers 0x1000-0x101F of x0-x31 less 0x1000 are DWARF's, {@code pc} (dpc)
 * goes to {@link RiscvUnwinding#PC}, and mtvec, mepc and mcause, which take the unwinder through a
 * trap handler, to {@link RiscvUnwinding#csr}. Shared by {@code target:backtrace} and {@code dap:serve}.
 */
public final class DwarfRegisters {
    private static final int RISCV_GPR_BASE = 0x1000;
    private static final int RISCV_DPC = 0x7B1;
    private static final int RISCV_MTVEC = 0x305;
    private static final int RISCV_MEPC = 0x341;
    private static final int RISCV_MCAUSE = 0x342;
    private static final int ARM_XPSR = 0x10;
    private static final int ARM_PSP = 0x12;
    private static final int ARM_OUTSIDE_DWARF = 0x10000;

    private DwarfRegisters() {
    }

    /** Reads every register the unwinder knows of, in one batch. */
    public static RegisterValues read(CoreControl core, int machine) {
        List<CoreRegister> wanted = core.registers().stream().filter(r -> dwarfNumber(machine, r).isPresent())
                .toList();
        long[] values = core.readRegisters(wanted);
        Map<Integer, Long> byNumber = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            byNumber.put(dwarfNumber(machine, wanted.get(i)).getAsInt(), values[i]);
        }
        return RegisterValues.of(byNumber);
    }

    /** The unwinder's number of a core register, or empty for one it does not use. */
    public static OptionalInt dwarfNumber(int machine, CoreRegister register) {
        int number = register.number();
        if (machine == CortexMUnwinding.EM_ARM) {
            if (number >= 0 && number <= CortexMUnwinding.PC) {
                return OptionalInt.of(number);
            }
            return number >= ARM_XPSR && number <= ARM_PSP ? OptionalInt.of(ARM_OUTSIDE_DWARF + number)
                    : OptionalInt.empty();
        }
        if (machine == RiscvUnwinding.EM_RISCV) {
            if (number >= RISCV_GPR_BASE && number < RISCV_GPR_BASE + 32) {
                return OptionalInt.of(number - RISCV_GPR_BASE);
            }
            if (number == RISCV_MTVEC || number == RISCV_MEPC || number == RISCV_MCAUSE) {
                return OptionalInt.of(RiscvUnwinding.csr(number));
            }
            return number == RISCV_DPC ? OptionalInt.of(RiscvUnwinding.PC) : OptionalInt.empty();
        }
        return OptionalInt.empty();
    }
}
