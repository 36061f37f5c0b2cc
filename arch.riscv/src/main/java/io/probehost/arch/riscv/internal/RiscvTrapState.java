package io.probehost.arch.riscv.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last machine-mode trap as a RISC-V hart keeps it (Privileged Architecture, mcause, mepc and
 * mtval), in words. The CSRs keep their values after the handler returns, so this is the latest
 * trap, not necessarily one being handled.
 */
record RiscvTrapState(long mcause, long mepc, long mtval) {
    private static final long INTERRUPT = 1L << 31;
    private static final String[] EXCEPTIONS = {"instruction address misaligned", "instruction access fault",
        "illegal instruction", "breakpoint", "load address misaligned", "load access fault",
        "store/AMO address misaligned", "store/AMO access fault", "environment call from U-mode",
        "environment call from S-mode", "exception 10", "environment call from M-mode", "instruction page fault",
        "load page fault", "exception 14", "store/AMO page fault"};
    private static final String[] INTERRUPTS = {"user software", "supervisor software", "interrupt 2",
        "machine software", "user timer", "supervisor timer", "interrupt 6", "machine timer", "user external",
        "supervisor external", "interrupt 10", "machine external"};

    /** Lines of the report; empty when no trap was ever taken (all three CSRs zero). */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        if (mcause == 0 && mepc == 0 && mtval == 0) {
            return lines;
        }
        int code = (int) (mcause & 0x7FFF_FFFFL);
        if ((mcause & INTERRUPT) != 0) {
            String name = code < INTERRUPTS.length ? INTERRUPTS[code] + " interrupt" : "interrupt " + code;
            lines.add(String.format("Last trap: %s (mcause 0x%08x), interrupted at pc 0x%08x", name, mcause, mepc));
            return lines;
        }
        String name = code < EXCEPTIONS.length ? EXCEPTIONS[code] : "exception " + code;
        lines.add(String.format("Last trap: %s (mcause 0x%08x) at pc 0x%08x", name, mcause, mepc));
        mtvalMeaning(code).ifPresent(lines::add);
        return lines;
    }

    private Optional<String> mtvalMeaning(int code) {
        switch (code) {
            case 0, 1, 4, 5, 6, 7, 12, 13, 15:
                return Optional.of(String.format("mtval 0x%08x: the faulting address", mtval));
            case 2:
                return Optional.of(mtval == 0 ? "mtval 0: the hart does not report the instruction"
                        : String.format("mtval 0x%08x: the instruction", mtval));
            case 3:
                return Optional.of(String.format("mtval 0x%08x: the breakpoint address", mtval));
            default:
                return Optional.empty();
        }
    }
}
