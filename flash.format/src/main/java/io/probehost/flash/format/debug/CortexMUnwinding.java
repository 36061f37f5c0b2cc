package io.probehost.flash.format.debug;

import java.util.Optional;

/**
 * Unwinding rules for Armv6-M, Armv7-M and Armv8-M (Cortex-M), after the Arm DWARF ABI and the
 * Armv7-M/Armv8-M exception model: R0-R15 are DWARF 0-15 and S0-S31 are 64-95; xPSR, MSP and PSP,
 * which DWARF does not number, are kept under {@link #XPSR}, {@link #MSP} and {@link #PSP}. An
 * EXC_RETURN value as return address pops the basic or extended (FP) exception frame from MSP or
 * PSP, with the realignment word and the Armv8-M additional state context. Without CFI the
 * prologue ({@code push}, {@code push.w}, {@code sub sp}) is scanned, or LR is taken as the return
 * address in the innermost frame.
 */
public final class CortexMUnwinding extends RegisterLayout {

    public static final int EM_ARM = 40;
    public static final int SP = 13;
    public static final int LR = 14;
    public static final int PC = 15;
    /** S0 in DWARF numbering; S0-S31 are 64-95. */
    public static final int S0 = 64;
    /** Registers outside DWARF's numbering: 0x10000 + the DCRSR REGSEL value. */
    public static final int XPSR = 0x10010;
    public static final int MSP = 0x10011;
    public static final int PSP = 0x10012;

    private static final int BASIC_FRAME = 0x20;
    private static final int FP_EXTENSION = 0x48;
    private static final int ADDITIONAL_STATE = 0x28;
    private static final int MAX_PROLOGUE_BYTES = 64;
    private static final String[] EXCEPTIONS = {"Thread", "Reset", "NMI", "HardFault", "MemManage", "BusFault",
        "UsageFault", "SecureFault", "Reserved", "Reserved", "Reserved", "SVCall", "DebugMonitor", "Reserved", "PendSV",
        "SysTick"};

    public CortexMUnwinding() {
        super(PC, SP, LR);
    }

    /** R4-R11 (AAPCS callee-saved), S16-S31, MSP/PSP, and xPSR, whose IPSR a call does not change. */
    @Override
    public boolean isCalleeSaved(int register) {
        return (register >= 4 && register <= 11) || (register >= S0 + 16 && register < S0 + 32) || register == XPSR || register == MSP
                || register == PSP;
    }

    /** True for EXC_RETURN values: prefix 0xFF (bits 31:24) and not the reset value 0xFFFFFFFF. */
    public static boolean isExceptionReturn(long value) {
        return (value & 0xFF00_0000L) == 0xFF00_0000L && value != 0xFFFF_FFFFL;
    }

    /** {@code HardFault}, {@code SVCall}, {@code IRQ5} for an IPSR exception number. */
    public static String exceptionName(long number) {
        return number < EXCEPTIONS.length ? EXCEPTIONS[(int) number] : "IRQ" + (number - 16);
    }

    @Override
    public Optional<ExceptionReturn> exceptionReturn(long returnAddress, RegisterValues handler, RegisterValues caller,
            TargetMemory memory) {
        if (!isExceptionReturn(returnAddress)) {
            return Optional.empty();
        }
        boolean processStack = (returnAddress & 0x4) != 0;
        boolean extended = (returnAddress & 0x10) == 0;
        boolean additionalState = (returnAddress & 0x20) == 0;
        int base = processStack ? PSP : SP;
        if (!caller.has(base)) {
            return Optional.empty();
        }
        long at = caller.get(base).getAsLong();
        RegisterValues r = caller;
        if (additionalState) {
            for (int i = 0; i < 8; i++) {
                r = r.with(4 + i, memory.read32(at + 8 + 4L * i));
            }
            at += ADDITIONAL_STATE;
        }
        int[] stacked = {0, 1, 2, 3, 12, LR, PC, XPSR};
        for (int i = 0; i < stacked.length; i++) {
            r = r.with(stacked[i], memory.read32(at + 4L * i));
        }
        long size = BASIC_FRAME;
        if (extended) {
            for (int i = 0; i < 16; i++) {
                r = r.with(S0 + i, memory.read32(at + BASIC_FRAME + 4L * i));
            }
            size += FP_EXTENSION;
        }
        if ((r.get(XPSR).getAsLong() & (1 << 9)) != 0) {
            size += 4;
        }
        long sp = at + size;
        r = r.with(SP, sp).with(processStack ? PSP : MSP, sp);
        long number = handler.get(XPSR).orElse(0) & 0x1FF;
        return Optional.of(new ExceptionReturn(r, number == 0 ? "exception frame" : exceptionName(number)));
    }

    /**
     * Scans the Thumb prologue from {@code functionStart} up to the PC for {@code push {..., lr}},
     * {@code push.w} and {@code sub sp, #imm}; without a start, in the innermost frame, LR is the
     * return address and SP is unchanged.
     */
    @Override
    public Optional<RegisterValues> unwindWithoutCfi(RegisterValues frame, boolean innermost, long functionStart,
            TargetMemory memory) {
        long pc = codeAddress(frame.get(PC).orElse(0));
        if (functionStart < 0 || !frame.has(SP)) {
            return innermost ? Optional.of(frame) : Optional.empty();
        }
        int pushMask = 0;
        long stackBytes = 0;
        long end = Math.min(pc, functionStart + MAX_PROLOGUE_BYTES);
        for (long at = functionStart; at < end; at += 2) {
            int hw = memory.read16(at);
            if ((hw & 0xFE00) == 0xB400) {
                pushMask = (hw & 0xFF) | ((hw & 0x100) != 0 ? 1 << LR : 0);
                stackBytes += 4L * Integer.bitCount(pushMask);
            } else if (hw == 0xE92D && at + 2 < end) {
                pushMask = memory.read16(at + 2) & 0x5FFF;
                stackBytes += 4L * Integer.bitCount(pushMask);
                at += 2;
            } else if ((hw & 0xFF80) == 0xB080) {
                stackBytes += 4L * (hw & 0x7F);
            }
        }
        long sp = frame.get(SP).getAsLong();
        long cfa = sp + stackBytes;
        RegisterValues caller = frame.with(SP, cfa);
        long slot = cfa - 4L * Integer.bitCount(pushMask);
        for (int register = 0; register < 16; register++) {
            if ((pushMask & (1 << register)) != 0) {
                caller = caller.with(register, memory.read32(slot));
                slot += 4;
            }
        }
        if ((pushMask & (1 << LR)) == 0 && !innermost) {
            return Optional.empty();
        }
        return Optional.of(caller);
    }
}
