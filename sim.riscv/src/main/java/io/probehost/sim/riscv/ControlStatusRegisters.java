package io.probehost.sim.riscv;

/**
 * The machine-mode CSRs of an M-mode-only RV32IMAC hart, with their WARL behaviour as QEMU 7.2
 * ({@code -cpu rv32,s=false,u=false}) shows it: only MIE and MPIE of {@code mstatus} are writable
 * (MPP reads 3), {@code mtvec} ignores a write with a reserved mode (2 or 3), {@code mepc} clears
 * bit 0, {@code mie} keeps MSIE/MTIE/MEIE, {@code mip} follows the interrupt lines and ignores
 * writes, {@code misa} is read-only. An unknown CSR, or a write to a read-only one, is an illegal
 * instruction.
 */
public final class ControlStatusRegisters {
    public static final int MSTATUS = 0x300;
    public static final int MISA = 0x301;
    public static final int MIE = 0x304;
    public static final int MTVEC = 0x305;
    public static final int MSTATUSH = 0x310;
    public static final int MCOUNTINHIBIT = 0x320;
    public static final int MSCRATCH = 0x340;
    public static final int MEPC = 0x341;
    public static final int MCAUSE = 0x342;
    public static final int MTVAL = 0x343;
    public static final int MIP = 0x344;
    public static final int MCYCLE = 0xB00;
    public static final int MINSTRET = 0xB02;
    public static final int MCYCLEH = 0xB80;
    public static final int MINSTRETH = 0xB82;
    public static final int CYCLE = 0xC00;
    public static final int INSTRET = 0xC02;
    public static final int CYCLEH = 0xC80;
    public static final int INSTRETH = 0xC82;
    /** Bumblebee ECLIC CSRs (only with an {@link Eclic} attached). */
    public static final int MTVT = 0x307;
    public static final int MINTSTATUS = 0x346;
    public static final int MSUBM = 0x7C4;
    public static final int MMISC_CTL = 0x7D0;
    public static final int PUSHMSUBM = 0x7EB;
    public static final int MTVT2 = 0x7EC;
    public static final int JALMNXTI = 0x7ED;
    public static final int PUSHMCAUSE = 0x7EE;
    public static final int PUSHMEPC = 0x7EF;
    public static final int MVENDORID = 0xF11;
    public static final int MARCHID = 0xF12;
    public static final int MIMPID = 0xF13;
    public static final int MHARTID = 0xF14;

    /** RV32 (MXL 1) with A, C, I, M. */
    public static final int MISA_RV32IMAC = 0x4000_0000 | 1 | 1 << 2 | 1 << 8 | 1 << 12;
    public static final int MSTATUS_MIE = 1 << 3;
    public static final int MSTATUS_MPIE = 1 << 7;
    public static final int MSTATUS_MPP = 3 << 11;
    /** MSIE, MTIE, MEIE: the only interrupts of an M-mode-only hart. */
    public static final int MACHINE_INTERRUPTS = 1 << 3 | 1 << 7 | 1 << 11;
    private static final int COUNT_INHIBIT_CY = 1;
    private static final int COUNT_INHIBIT_IR = 1 << 2;

    private final HartIdentity identity;
    final DebugState debug = new DebugState();
    final TriggerModule triggers;
    /** The ECLIC, or null: a plain (CLINT-style) hart. */
    Eclic eclic;
    int mtvt;
    int mtvt2;
    /** mintstatus.MIL: the level of the interrupt being handled. */
    int interruptLevel;
    int msubm;
    int mmiscCtl;
    int mstatus;
    int mtvec;
    int mepc;
    int mcause;
    int mtval;
    int mscratch;
    int mie;
    int interruptLines;
    int mcountinhibit;
    long mcycle;
    long minstret;
    private boolean cycleWritten;
    private boolean instretWritten;

    ControlStatusRegisters(HartIdentity identity, int triggerCount) {
        this.identity = identity;
        this.triggers = new TriggerModule(triggerCount);
    }

    /** Reset values: everything zero but MPP (always M). */
    void reset() {
        mstatus = 0;
        mtvec = 0;
        mepc = 0;
        mcause = 0;
        mtval = 0;
        mscratch = 0;
        mie = 0;
        mcountinhibit = 0;
        mcycle = 0;
        minstret = 0;
        debug.reset();
        triggers.reset();
        mtvt = 0;
        mtvt2 = 0;
        interruptLevel = 0;
        msubm = 0;
        mmiscCtl = 0;
    }

    /** ECLIC mode: an ECLIC attached and mtvec[5:0] = 3. */
    boolean eclicMode() {
        return eclic != null && (mtvec & 0x3F) == 3;
    }

    /** mcause; in ECLIC mode bits 29:28 (MPP) and 27 (MPIE) mirror mstatus. */
    int mcause() {
        if (!eclicMode()) {
            return mcause;
        }
        return mcause & ~(MSTATUS_MPP << 17 | 1 << 27) | MSTATUS_MPP << 17
                | ((mstatus & MSTATUS_MPIE) != 0 ? 1 << 27 : 0);
    }

    public int mstatus() {
        return mstatus | MSTATUS_MPP;
    }

    public int mip() {
        return interruptLines & MACHINE_INTERRUPTS;
    }

    /**
     * One cycle passed and {@code retired} instructions (0 or 1) completed. A counter the
     * instruction wrote keeps the written value (the next instruction reads it).
     */
    void count(int retired) {
        if ((mcountinhibit & COUNT_INHIBIT_CY) == 0 && !cycleWritten) {
            mcycle++;
        }
        if ((mcountinhibit & COUNT_INHIBIT_IR) == 0 && !instretWritten) {
            minstret += retired;
        }
        cycleWritten = false;
        instretWritten = false;
    }

    static boolean readOnly(int csr) {
        return (csr >>> 10) == 3;
    }

    /** The CSR's value, or an illegal instruction trap if it does not exist. */
    int read(int csr, int instruction) throws Trap {
        switch (csr) {
            case MSTATUS: return mstatus();
            case MISA: return identity.misa();
            case MIE: return mie;
            case MTVEC: return mtvec;
            case MSTATUSH: return 0;
            case MCOUNTINHIBIT: return mcountinhibit;
            case MSCRATCH: return mscratch;
            case MEPC: return mepc;
            case MCAUSE: return mcause();
            case MTVAL: return mtval;
            case MIP: return mip();
            case MCYCLE: case CYCLE: return (int) mcycle;
            case MCYCLEH: case CYCLEH: return (int) (mcycle >>> 32);
            case MINSTRET: case INSTRET: return (int) minstret;
            case MINSTRETH: case INSTRETH: return (int) (minstret >>> 32);
            case MVENDORID: return identity.mvendorid();
            case MARCHID: return identity.marchid();
            case MIMPID: return identity.mimpid();
            case MHARTID: return identity.mhartid();
            case TriggerModule.TSELECT: case TriggerModule.TDATA1: case TriggerModule.TDATA2: case TriggerModule.TDATA3:
                return triggers.read(csr);
            case DebugState.DCSR: case DebugState.DPC: case DebugState.DSCRATCH0: case DebugState.DSCRATCH1:
                return readDebug(csr, instruction);
            default: return readEclic(csr, instruction);
        }
    }

    private int readEclic(int csr, int instruction) throws Trap {
        if (eclic == null) {
            throw new Trap(TrapCause.ILLEGAL_INSTRUCTION, instruction);
        }
        return switch (csr) {
            case MTVT -> mtvt;
            case MINTSTATUS -> interruptLevel << 24;
            case MSUBM -> msubm;
            case MMISC_CTL -> mmiscCtl;
            case MTVT2 -> mtvt2;
            case PUSHMSUBM, PUSHMCAUSE, PUSHMEPC, JALMNXTI -> 0;
            default -> throw new Trap(TrapCause.ILLEGAL_INSTRUCTION, instruction);
        };
    }

    /** The core debug registers exist in Debug Mode only. */
    private int readDebug(int csr, int instruction) throws Trap {
        if (!debug.halted) {
            throw new Trap(TrapCause.ILLEGAL_INSTRUCTION, instruction);
        }
        return switch (csr) {
            case DebugState.DCSR -> debug.dcsr();
            case DebugState.DPC -> debug.dpc;
            case DebugState.DSCRATCH0 -> debug.dscratch0;
            default -> debug.dscratch1;
        };
    }

    /** Writes a CSR that {@link #read} accepted and that is not read-only. */
    void write(int csr, int value) {
        switch (csr) {
            case MSTATUS -> mstatus = value & (MSTATUS_MIE | MSTATUS_MPIE);
            case MIE -> mie = value & MACHINE_INTERRUPTS;
            case MTVEC -> {
                if ((value & 3) < 2 || eclic != null && (value & 0x3F) == 3) {
                    mtvec = value;
                }
            }
            case MTVT -> mtvt = value & ~0x3F;
            case MSUBM -> msubm = value & 0x3C0;
            case MMISC_CTL -> mmiscCtl = value;
            case MTVT2 -> mtvt2 = value & ~2;
            case MCOUNTINHIBIT -> mcountinhibit = value & (COUNT_INHIBIT_CY | COUNT_INHIBIT_IR);
            case MSCRATCH -> mscratch = value;
            case MEPC -> mepc = value & ~1;
            case MCAUSE -> {
                mcause = value;
                if (eclicMode()) {
                    mstatus = mstatus & ~MSTATUS_MPIE | ((value & 1 << 27) != 0 ? MSTATUS_MPIE : 0);
                }
            }
            case MTVAL -> mtval = value;
            case MCYCLE -> {
                mcycle = (mcycle & 0xFFFF_FFFF_0000_0000L) | (value & 0xFFFF_FFFFL);
                cycleWritten = true;
            }
            case MCYCLEH -> {
                mcycle = (mcycle & 0xFFFF_FFFFL) | ((long) value << 32);
                cycleWritten = true;
            }
            case MINSTRET -> {
                minstret = (minstret & 0xFFFF_FFFF_0000_0000L) | (value & 0xFFFF_FFFFL);
                instretWritten = true;
            }
            case MINSTRETH -> {
                minstret = (minstret & 0xFFFF_FFFFL) | ((long) value << 32);
                instretWritten = true;
            }
            case TriggerModule.TSELECT, TriggerModule.TDATA1, TriggerModule.TDATA2, TriggerModule.TDATA3 ->
                    triggers.write(csr, value, debug.halted);
            case DebugState.DCSR -> debug.writeDcsr(value);
            case DebugState.DPC -> debug.dpc = value & ~1;
            case DebugState.DSCRATCH0 -> debug.dscratch0 = value;
            case DebugState.DSCRATCH1 -> debug.dscratch1 = value;
            default -> {
                // misa, mstatush, mip: writes are ignored
            }
        }
    }
}
