package io.probehost.sim.riscv;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.MemoryPort;

/**
 * Trap entry and return of a hart, in the default (CLINT-style) mode and in the Bumblebee's ECLIC
 * mode; every method returns the pc to continue at.
 */
final class TrapEntry {
    /** What {@link #claimNextInterrupt} returns when nothing is pending: odd, so never a handler address. */
    static final int NO_INTERRUPT = 1;
    /** msubm.TYP values: the hart handles an interrupt, an exception. */
    private static final int SUBMODE_INTERRUPT = 1;
    private static final int SUBMODE_EXCEPTION = 2;

    private final ControlStatusRegisters csrs;
    private final MemoryPort bus;

    TrapEntry(ControlStatusRegisters csrs, MemoryPort bus) {
        this.csrs = csrs;
        this.bus = bus;
    }

    /** MEIP before MSIP before MTIP, as the privileged spec orders them. */
    static TrapCause highestPriority(int pendingEnabled) {
        if ((pendingEnabled & TrapCause.MACHINE_EXTERNAL_INTERRUPT.pendingBit()) != 0) {
            return TrapCause.MACHINE_EXTERNAL_INTERRUPT;
        }
        if ((pendingEnabled & TrapCause.MACHINE_SOFTWARE_INTERRUPT.pendingBit()) != 0) {
            return TrapCause.MACHINE_SOFTWARE_INTERRUPT;
        }
        return TrapCause.MACHINE_TIMER_INTERRUPT;
    }

    /**
     * Trap entry: mepc, mcause, mtval, MPIE = MIE, MIE = 0, pc = mtvec (vectored for interrupts). In
     * ECLIC mode an exception goes to mtvec's 64-byte aligned base, mcause.MPIL keeps the current level.
     */
    int enterTrap(TrapCause cause, int tval, int epc) {
        csrs.mepc = epc;
        csrs.mcause = cause.mcause();
        csrs.mtval = tval;
        saveInterruptEnable();
        if (csrs.eclicMode()) {
            csrs.mcause |= csrs.interruptLevel << 16;
            enterSubMode(SUBMODE_EXCEPTION);
            return csrs.mtvec & ~0x3F;
        }
        int base = csrs.mtvec & ~3;
        return cause.interrupt() && (csrs.mtvec & 3) == 1 ? base + 4 * cause.code() : base;
    }

    /** msubm: PTYP = TYP, TYP = {@code type}. */
    private void enterSubMode(int type) {
        csrs.msubm = (csrs.msubm & 0xC0) << 2 | type << 6;
    }

    private void saveInterruptEnable() {
        int mie = csrs.mstatus & ControlStatusRegisters.MSTATUS_MIE;
        csrs.mstatus = mie != 0 ? ControlStatusRegisters.MSTATUS_MPIE : 0;
    }

    /**
     * ECLIC interrupt entry at {@code pc}: mcause = interrupt, MPIL (the level so far), id;
     * mintstatus.MIL = its level; a vectored source jumps through its mtvt entry (and is claimed),
     * another to mtvt2 (if enabled) or mtvec's base, where jalmnxti claims it.
     */
    int enterEclicInterrupt(int id, int pc) {
        Eclic eclic = csrs.eclic;
        csrs.mepc = pc;
        csrs.mcause = 0x8000_0000 | csrs.interruptLevel << 16 | id;
        saveInterruptEnable();
        enterSubMode(SUBMODE_INTERRUPT);
        csrs.interruptLevel = eclic.level(id);
        if (!eclic.vectored(id)) {
            return (csrs.mtvt2 & 1) != 0 ? csrs.mtvt2 & ~3 : csrs.mtvec & ~0x3F;
        }
        eclic.claim(id);
        int entry = csrs.mtvt + 4 * id;
        try {
            return bus.read(entry, AccessSize.WORD) & ~1;
        } catch (BusFault e) {
            return enterTrap(TrapCause.INSTRUCTION_ACCESS_FAULT, entry, pc);
        }
    }

    /**
     * jalmnxti: claims the pending interrupt above mcause.MPIL (if any), sets MIL and mcause's id,
     * enables interrupts and returns its handler's address from mtvt; {@link #NO_INTERRUPT} (no jump)
     * when none is pending.
     */
    int claimNextInterrupt() throws Trap {
        Eclic eclic = csrs.eclic;
        int id = eclic.select(csrs.mcause >>> 16 & 0xFF);
        if (id < 0) {
            return NO_INTERRUPT;
        }
        eclic.claim(id);
        csrs.interruptLevel = eclic.level(id);
        csrs.mcause = csrs.mcause & ~0xFFF | id;
        csrs.mstatus |= ControlStatusRegisters.MSTATUS_MIE;
        int entry = csrs.mtvt + 4 * id;
        try {
            return bus.read(entry, AccessSize.WORD) & ~1;
        } catch (BusFault e) {
            throw new Trap(TrapCause.LOAD_ACCESS_FAULT, entry);
        }
    }

    /** MRET: MIE = MPIE, MPIE = 1, pc = mepc; in ECLIC mode also MIL = mcause.MPIL and TYP = PTYP. */
    int returnFromTrap() {
        int mpie = csrs.mstatus & ControlStatusRegisters.MSTATUS_MPIE;
        csrs.mstatus = ControlStatusRegisters.MSTATUS_MPIE | (mpie != 0 ? ControlStatusRegisters.MSTATUS_MIE : 0);
        if (csrs.eclicMode()) {
            csrs.interruptLevel = csrs.mcause >>> 16 & 0xFF;
            csrs.msubm = (csrs.msubm & 0x300) >>> 2;
        }
        return csrs.mepc;
    }
}
