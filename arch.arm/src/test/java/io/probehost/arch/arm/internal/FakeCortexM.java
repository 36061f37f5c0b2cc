package io.probehost.arch.arm.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The bus behind the fake MEM-AP: sparse word memory plus the Cortex-M debug registers at
 * register level (DHCSR run control, DCRSR/DCRDR register file, DEMCR vector catch, AIRCR reset,
 * DFSR) and a ROM table naming SCS, DWT and BPU or FPB.
 */
final class FakeCortexM {
    static final int CPUID_M0 = 0x410CC200;
    static final int CPUID_M4 = 0x410FC241;
    static final int CPUID_M33 = 0x410FD213;
    static final long ROM_TABLE = 0xE00FF000L;

    final Map<Long, Integer> words = new HashMap<>();
    final int[] registers = new int[0x80];
    boolean halted;
    boolean registersReady = true;
    boolean ignoresHalt;
    boolean ignoresResetRequest;
    int dhcsrControl;
    int dfsr;
    int resetVector = 0x000000C0;
    int resetCount;
    /**
     * What the core does when resumed: changes the registers (R0-R15 at their DCRSR numbers), then
     * halts if the PC ends on a BKPT (any immediate), or runs on. Null: the core runs and never halts by itself.
     */
    Consumer<int[]> program;
    private boolean resetSinceRead;
    private int dcrdr;

    FakeCortexM(int cpuid) {
        words.put(Scs.CPUID, cpuid);
        boolean v8 = ((cpuid >>> 4) & 0xFFF) >= 0xD20;
        if (v8) {
            words.put(Scs.DEFAULT_FPB, 0x10000080); // FPBv2, 8 code comparators
        } else if (((cpuid >>> 16) & 0xF) == 0xC) {
            words.put(Scs.DEFAULT_FPB, 0x00000040); // ARMv6-M BPU, 4 comparators
        } else {
            words.put(Scs.DEFAULT_FPB, 0x00000260); // FPBv1, 6 code and 2 literal comparators
        }
        words.put(Scs.DEFAULT_DWT, 0x20000000); // 2 comparators
        words.put(Scs.DEMCR, 0);
        installRomTable(v8);
    }

    private void installRomTable(boolean v8) {
        putIds(ROM_TABLE, 0x1, 0x4C0, 0);
        words.put(ROM_TABLE, 0xFFF0F003);
        words.put(ROM_TABLE + 4, 0xFFF02003);
        words.put(ROM_TABLE + 8, 0xFFF03003);
        words.put(ROM_TABLE + 12, 0);
        if (v8) {
            putIds(0xE000E000L, 0x9, 0xD21, 0x47702A04);
            putIds(Scs.DEFAULT_DWT, 0x9, 0xD21, 0x47701A02);
            putIds(Scs.DEFAULT_FPB, 0x9, 0xD21, 0x47701A03);
        } else {
            putIds(0xE000E000L, 0xE, 0x008, 0);
            putIds(Scs.DEFAULT_DWT, 0xE, 0x00A, 0);
            putIds(Scs.DEFAULT_FPB, 0xE, 0x00B, 0);
        }
    }

    /** Arm-designed component ID registers: CIDR class, PIDR part number, DEVARCH. */
    void putIds(long component, int componentClass, int part, int devarch) {
        int[] cidr = {0x0D, componentClass << 4, 0x05, 0xB1};
        int[] pidr = {part & 0xFF, 0xB0 | (part >>> 8), 0x0B, 0x00};
        for (int i = 0; i < 4; i++) {
            words.put(component + 0xFF0 + 4 * i, cidr[i]);
            words.put(component + 0xFE0 + 4 * i, pidr[i]);
        }
        words.put(component + 0xFD0, 0x04);
        words.put(component + 0xFBC, devarch);
    }

    int read32(long address) {
        if (address == Scs.DHCSR) {
            int status = dhcsrControl | (halted ? Scs.S_HALT : 0) | (registersReady ? Scs.S_REGRDY : 0)
                    | (resetSinceRead ? Scs.S_RESET_ST : 0);
            resetSinceRead = false;
            return status;
        }
        if (address == Scs.DFSR) {
            return dfsr;
        }
        if (address == Scs.DCRDR) {
            return dcrdr;
        }
        return words.getOrDefault(address, 0);
    }

    void write32(long address, int value) {
        if (address == Scs.DHCSR) {
            writeDhcsr(value);
        } else if (address == Scs.DCRSR) {
            int selector = value & 0x7F;
            if ((value & Scs.DCRSR_WRITE) != 0) {
                registers[selector] = dcrdr;
            } else {
                dcrdr = registers[selector];
            }
        } else if (address == Scs.DCRDR) {
            dcrdr = value;
        } else if (address == Scs.DFSR) {
            dfsr &= ~value;
        } else if (address == Scs.AIRCR) {
            if ((value >>> 16) == 0x05FA && (value & Scs.AIRCR_SYSRESETREQ) != 0 && !ignoresResetRequest) {
                systemReset();
            }
        } else {
            words.put(address, value);
        }
    }

    private void writeDhcsr(int value) {
        if ((value >>> 16) != 0xA05F) {
            return;
        }
        dhcsrControl = value & 0xF;
        if ((value & Scs.C_HALT) != 0) {
            if (!halted && !ignoresHalt) {
                halted = true;
                dfsr |= Scs.DFSR_HALTED;
            }
        } else if (halted && (value & Scs.C_STEP) != 0) {
            executeOne();
            dfsr |= Scs.DFSR_HALTED;
        } else if (halted && halfwordAt(registers[15] & 0xFFFFFFFFL) == CortexMBreakpoints.BKPT_INSTRUCTION) {
            // resuming onto a BKPT halts again at once, and entering Debug state sets C_HALT
            dhcsrControl |= Scs.C_HALT;
            dfsr |= Scs.DFSR_BKPT;
        } else if (halted && program != null) {
            program.accept(registers);
            if ((halfwordAt(registers[15] & 0xFFFFFFFEL) & 0xFF00) == CortexMBreakpoints.BKPT_INSTRUCTION) {
                dhcsrControl |= Scs.C_HALT;
                dfsr |= Scs.DFSR_BKPT;
            } else {
                halted = false;
            }
        } else if (halted) {
            halted = false;
        }
    }

    /** A step: a BKPT at the PC halts without advancing, anything else advances by a halfword. */
    private void executeOne() {
        long pc = registers[15] & 0xFFFFFFFFL;
        int halfword = (read32(pc & ~3L) >>> (8 * (int) (pc & 2))) & 0xFFFF;
        if (halfword == CortexMBreakpoints.BKPT_INSTRUCTION) {
            dfsr |= Scs.DFSR_BKPT;
            return;
        }
        registers[15] += 2;
    }

    void systemReset() {
        resetCount++;
        resetSinceRead = true;
        registers[15] = resetVector;
        if ((words.getOrDefault(Scs.DEMCR, 0) & Scs.DEMCR_VC_CORERESET) != 0) {
            halted = true;
            dfsr |= Scs.DFSR_VCATCH;
        } else {
            halted = (dhcsrControl & Scs.C_HALT) != 0; // DHCSR survives a system reset
        }
    }

    int halfwordAt(long address) {
        return (read32(address & ~3L) >>> (8 * (int) (address & 2))) & 0xFFFF;
    }
}
