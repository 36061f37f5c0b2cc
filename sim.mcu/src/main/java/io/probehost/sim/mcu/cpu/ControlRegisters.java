package io.probehost.sim.mcu.cpu;

/**
 * The system control registers the core itself consults, as ARMv7-M has them: CCR (the alignment
 * and divide traps), SHCSR (the configurable fault enables), CFSR, HFSR and BFAR, AIRCR.PRIGROUP
 * and VTOR. On ARMv6-M they keep their fixed values (CCR reads 0x208, vectors at 0, no grouping).
 */
public final class ControlRegisters {
    /** CCR bits (ARMv7-M). */
    public static final int CCR_NONBASETHRDENA = 1;
    public static final int CCR_USERSETMPEND = 1 << 1;
    public static final int CCR_UNALIGN_TRP = 1 << 3;
    public static final int CCR_DIV_0_TRP = 1 << 4;
    public static final int CCR_BFHFNMIGN = 1 << 8;
    public static final int CCR_STKALIGN = 1 << 9;
    private static final int CCR_WRITABLE = CCR_NONBASETHRDENA | CCR_USERSETMPEND | CCR_UNALIGN_TRP | CCR_DIV_0_TRP
            | CCR_BFHFNMIGN | CCR_STKALIGN;
    /** CFSR bits (ARMv7-M): UsageFault status in [31:16], BusFault status in [15:8]. */
    public static final int CFSR_IACCVIOL = 1;
    public static final int CFSR_UNDEFINSTR = 1 << 16;
    public static final int CFSR_INVSTATE = 1 << 17;
    public static final int CFSR_INVPC = 1 << 18;
    public static final int CFSR_NOCP = 1 << 19;
    public static final int CFSR_UNALIGNED = 1 << 24;
    public static final int CFSR_DIVBYZERO = 1 << 25;
    public static final int CFSR_IBUSERR = 1 << 8;
    public static final int CFSR_PRECISERR = 1 << 9;
    public static final int CFSR_UNSTKERR = 1 << 11;
    public static final int CFSR_STKERR = 1 << 12;
    public static final int CFSR_BFARVALID = 1 << 15;
    public static final int HFSR_VECTTBL = 1 << 1;
    public static final int HFSR_FORCED = 1 << 30;
    public static final int HFSR_DEBUGEVT = 1 << 31;
    /** SHCSR enable bits of MemManage, BusFault and UsageFault. */
    public static final int SHCSR_ENABLES = 7 << 16;

    private final boolean armv7m;
    private final ExceptionState exceptions;
    private int ccr;
    private int shcsr;
    private int cfsr;
    private int hfsr;
    private int bfar;
    /** AIRCR.PRIGROUP (ARMv7-M): priority bits [PRIGROUP:0] are subpriority, the rest group priority. */
    private int priorityGroup;
    private int vtor;

    ControlRegisters(Profile profile, ExceptionState exceptions) {
        this.armv7m = profile == Profile.ARMV7M;
        this.exceptions = exceptions;
        reset();
    }

    /** System reset values. */
    void reset() {
        ccr = CCR_STKALIGN;
        shcsr = 0;
        cfsr = 0;
        hfsr = 0;
        priorityGroup = 0;
        vtor = 0;
    }

    /**
     * CCR: ARMv6-M reads STKALIGN and UNALIGN_TRP as one; on ARMv7-M NONBASETHRDENA, USERSETMPEND,
     * the traps, BFHFNMIGN and STKALIGN are writable (STKALIGN resets to 1, as QEMU's Cortex-M3 has it).
     */
    public int ccr() {
        return armv7m ? ccr : CCR_STKALIGN | CCR_UNALIGN_TRP;
    }

    public void writeCcr(int value) {
        if (armv7m) {
            ccr = value & CCR_WRITABLE;
        }
    }

    /** The stack alignment exception entry keeps: 8 bytes with CCR.STKALIGN (always on ARMv6-M), else 4. */
    int frameAlignmentMask() {
        return (ccr() & CCR_STKALIGN) != 0 ? ~7 : ~3;
    }

    /** CCR.NONBASETHRDENA: an exception return may go to Thread mode with other exceptions active. */
    boolean threadReturnWithActiveAllowed() {
        return (ccr() & CCR_NONBASETHRDENA) != 0;
    }

    /** SHCSR (ARMv7-M): the fault enables, plus the pending and active bits of the system handlers. */
    public int shcsr() {
        int value = shcsr;
        value |= exceptions.isActive(ExceptionState.MEM_MANAGE) ? 1 : 0;
        value |= exceptions.isActive(ExceptionState.BUS_FAULT) ? 2 : 0;
        value |= exceptions.isActive(ExceptionState.USAGE_FAULT) ? 1 << 3 : 0;
        value |= exceptions.isActive(ExceptionState.DEBUG_MONITOR) ? 1 << 8 : 0;
        value |= exceptions.isActive(ExceptionState.SVCALL) ? 1 << 7 : 0;
        value |= exceptions.isActive(ExceptionState.PENDSV) ? 1 << 10 : 0;
        value |= exceptions.isActive(ExceptionState.SYSTICK) ? 1 << 11 : 0;
        value |= exceptions.isPending(ExceptionState.USAGE_FAULT) ? 1 << 12 : 0;
        value |= exceptions.isPending(ExceptionState.MEM_MANAGE) ? 1 << 13 : 0;
        value |= exceptions.isPending(ExceptionState.BUS_FAULT) ? 1 << 14 : 0;
        value |= exceptions.isPending(ExceptionState.SVCALL) ? 1 << 15 : 0;
        return value;
    }

    public void writeShcsr(int value) {
        shcsr = value & SHCSR_ENABLES;
        exceptions.setPending(ExceptionState.SVCALL, (value & (1 << 15)) != 0);
    }

    /** VTOR (ARMv7-M): where the vector table is; ARMv6-M's is always at 0. */
    public int vtor() {
        return vtor;
    }

    public void writeVtor(int value) {
        if (armv7m) {
            vtor = value & 0xFFFF_FF80;
        }
    }

    /** The address of an exception's vector. */
    int vectorAddress(int exception) {
        return vtor + 4 * exception;
    }

    public int priorityGroup() {
        return priorityGroup;
    }

    public void setPriorityGroup(int value) {
        if (armv7m) {
            priorityGroup = value & 7;
        }
    }

    /** The group priority of a priority value: what preemption compares. */
    int groupPriority(int priority) {
        return priority < 0 ? priority : priority & -(2 << priorityGroup);
    }

    /** The DEMCR vector catch for taking configurable fault {@code exception} with the CFSR as it is now. */
    int vectorCatchFor(int exception) {
        switch (exception) {
            case ExceptionState.MEM_MANAGE: return DebugState.DEMCR_VC_MMERR;
            case ExceptionState.BUS_FAULT: return DebugState.DEMCR_VC_BUSERR;
            case ExceptionState.USAGE_FAULT:
                if ((cfsr & CFSR_NOCP) != 0) {
                    return DebugState.DEMCR_VC_NOCPERR;
                }
                return (cfsr & (CFSR_UNALIGNED | CFSR_DIVBYZERO)) != 0 ? DebugState.DEMCR_VC_CHKERR : DebugState.DEMCR_VC_STATERR;
            default: return 0;
        }
    }

    public int cfsr() {
        return cfsr;
    }

    /** CFSR bits are write-one-to-clear. */
    public void clearCfsr(int value) {
        cfsr &= ~value;
    }

    public int hfsr() {
        return hfsr;
    }

    public void clearHfsr(int value) {
        hfsr &= ~value;
    }

    public int bfar() {
        return bfar;
    }

    public void writeBfar(int value) {
        bfar = value;
    }

    /** True if SHCSR enables configurable fault {@code exception} (MemManage, BusFault, UsageFault). */
    boolean faultEnabled(int exception) {
        return (shcsr & (1 << (16 + exception - ExceptionState.MEM_MANAGE))) != 0;
    }

    void recordCfsr(int bits) {
        cfsr |= bits;
    }

    void recordHfsr(int bits) {
        hfsr |= bits;
    }
}
