package io.probehost.arch.arm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a halted Cortex-M shows of the exception it is handling: IPSR, EXC_RETURN (LR), the frame the
 * hardware stacked, and on Armv7-M the fault status and address registers. {@link #describe()} puts
 * it in words, as the Armv6-M and Armv7-M Architecture Reference Manuals name the bits.
 *
 * @param ipsr          the active exception number (xPSR bits 8:0)
 * @param excReturn     LR on entry to the handler
 * @param stackedPc     the return address in the stacked frame (the faulting instruction for a fault)
 * @param stackedLr     LR of the interrupted code
 * @param stackedXpsr   xPSR of the interrupted code
 * @param faultStatus   CFSR, HFSR, MMFAR and BFAR; empty on Armv6-M, which has none
 */
record CortexMFaultState(int ipsr, long excReturn, long stackedPc, long stackedLr, long stackedXpsr,
        Optional<FaultStatus> faultStatus) {

    /** Armv7-M's fault status registers. */
    record FaultStatus(long cfsr, long hfsr, long mmfar, long bfar) {
    }

    private static final String[] SYSTEM_EXCEPTIONS = {"Thread mode", "Reset", "NMI", "HardFault", "MemManage",
        "BusFault", "UsageFault", "SecureFault", "exception 8", "exception 9", "exception 10", "SVCall",
        "DebugMonitor", "exception 13", "PendSV", "SysTick"};
    private static final String[] CFSR_BITS = new String[32];
    private static final int THUMB_BIT = 1 << 24;
    private static final long MMARVALID = 1 << 7;
    private static final long BFARVALID = 1 << 15;

    static {
        CFSR_BITS[0] = "IACCVIOL: instruction fetch from a no-execute or protected region";
        CFSR_BITS[1] = "DACCVIOL: data access violates the MPU";
        CFSR_BITS[3] = "MUNSTKERR: MemManage fault unstacking on exception return";
        CFSR_BITS[4] = "MSTKERR: MemManage fault stacking on exception entry";
        CFSR_BITS[5] = "MLSPERR: MemManage fault in lazy floating-point state preservation";
        CFSR_BITS[8] = "IBUSERR: bus error on instruction fetch";
        CFSR_BITS[9] = "PRECISERR: precise data bus error";
        CFSR_BITS[10] = "IMPRECISERR: imprecise data bus error (the stacked pc is after the access)";
        CFSR_BITS[11] = "UNSTKERR: bus fault unstacking on exception return";
        CFSR_BITS[12] = "STKERR: bus fault stacking on exception entry";
        CFSR_BITS[13] = "LSPERR: bus fault in lazy floating-point state preservation";
        CFSR_BITS[16] = "UNDEFINSTR: undefined instruction";
        CFSR_BITS[17] = "INVSTATE: instruction executed with the Thumb bit clear (EPSR.T = 0)";
        CFSR_BITS[18] = "INVPC: invalid EXC_RETURN or exception return integrity check";
        CFSR_BITS[19] = "NOCP: coprocessor access while the coprocessor is disabled or absent";
        CFSR_BITS[20] = "STKOF: stack overflow (stack limit register)";
        CFSR_BITS[24] = "UNALIGNED: unaligned access while CCR.UNALIGN_TRP is set";
        CFSR_BITS[25] = "DIVBYZERO: division by zero while CCR.DIV_0_TRP is set";
    }

    /** The name of an exception number, such as {@code HardFault} or {@code IRQ5}. */
    static String exceptionName(int number) {
        return number < SYSTEM_EXCEPTIONS.length ? SYSTEM_EXCEPTIONS[number] : "IRQ" + (number - 16);
    }

    /** Whether {@code value} is an EXC_RETURN (0xFxxxxxxx with the low byte's prefix), not a code address. */
    static boolean isExcReturn(long value) {
        return (value & 0xFF00_0000L) == 0xFF00_0000L && value != 0xFFFF_FFFFL;
    }

    /** The lines of a fault report; empty in Thread mode. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        if (ipsr == 0) {
            return lines;
        }
        lines.add("In " + exceptionName(ipsr) + " (exception " + ipsr + ")");
        faultStatus.ifPresent(status -> lines.addAll(describe(status)));
        if (!isExcReturn(excReturn)) {
            lines.add(String.format("LR 0x%08x is not an EXC_RETURN: the handler has called on; stacked frame unknown",
                    excReturn));
            return lines;
        }
        lines.add(String.format("EXC_RETURN 0x%08x: %s", excReturn, excReturnMeaning(excReturn)));
        lines.add(String.format("Interrupted at pc 0x%08x (lr 0x%08x, xPSR 0x%08x)", stackedPc, stackedLr,
                stackedXpsr));
        if ((stackedXpsr & THUMB_BIT) == 0) {
            lines.add("Stacked xPSR has the Thumb bit clear: a branch to an even address (or a corrupt frame)");
        }
        int interrupted = (int) (stackedXpsr & 0x1FF);
        if (interrupted != 0) {
            lines.add("The interrupted code was itself handling " + exceptionName(interrupted));
        }
        return lines;
    }

    private static String excReturnMeaning(long value) {
        boolean thread = (value & 0x8) != 0;
        boolean processStack = (value & 0x4) != 0;
        String frame = (value & 0x10) == 0 ? ", extended (floating-point) frame" : "";
        return "return to " + (thread ? "Thread" : "Handler") + " mode, frame on the "
                + (processStack ? "process stack (PSP)" : "main stack (MSP)") + frame;
    }

    private static List<String> describe(FaultStatus status) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("HFSR 0x%08x, CFSR 0x%08x", status.hfsr(), status.cfsr()));
        if ((status.hfsr() & (1L << 1)) != 0) {
            lines.add("VECTTBL: bus fault reading the vector table");
        }
        if ((status.hfsr() & (1L << 30)) != 0) {
            lines.add("FORCED: a configurable fault escalated to HardFault (disabled or of too low priority)");
        }
        if ((status.hfsr() & (1L << 31)) != 0) {
            lines.add("DEBUGEVT: a debug event while halting debug is off");
        }
        for (int bit = 0; bit < 32; bit++) {
            if ((status.cfsr() & (1L << bit)) != 0 && CFSR_BITS[bit] != null) {
                lines.add(CFSR_BITS[bit]);
            }
        }
        if ((status.cfsr() & MMARVALID) != 0) {
            lines.add(String.format("MMFAR 0x%08x: the address of the MemManage fault", status.mmfar()));
        }
        if ((status.cfsr() & BFARVALID) != 0) {
            lines.add(String.format("BFAR 0x%08x: the address of the bus fault", status.bfar()));
        }
        return lines;
    }

    /** The stacked pc, or empty when LR holds no EXC_RETURN. */
    OptionalLong faultingPc() {
        return isExcReturn(excReturn) ? OptionalLong.of(stackedPc) : OptionalLong.empty();
    }
}
