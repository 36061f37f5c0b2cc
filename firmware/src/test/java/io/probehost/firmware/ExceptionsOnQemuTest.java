package io.probehost.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExceptionsOnQemuTest {
    /** Index, name and architectural value of each word exceptions.c records. */
    private static final Object[][] EXPECTED = {
        {0, "SVC number", 42},
        {1, "SVC result r0 + r1 * r2", 5 + 6 * 7},
        {2, "IPSR in SVC", 11},
        {3, "EXC_RETURN in SVC from MSP thread", 0xFFFFFFF9},
        {4, "PendSV count seen inside SVC (same priority: not yet)", 0},
        {5, "PendSV count after SVC returned (tail-chained)", 1},
        {6, "IPSR in PendSV", 14},
        {7, "PendSV count after pending from thread", 2},
        {8, "SysTick ticks before the handler stopped it", 5},
        {9, "IPSR in SysTick", 15},
        {10, "SYST_CSR & 7 after stop (CLKSOURCE reads as one)", 4},
        {11, "CONTROL on PSP", 2},
        {12, "SP is PSP", 1},
        {13, "EXC_RETURN in SVC from PSP thread", 0xFFFFFFFD},
        {14, "SVC number from PSP thread", 7},
        {15, "CONTROL back on MSP", 0},
        {16, "MSP unchanged across the PSP phase", 1},
        {17, "SHPR3 after writing all ones (2 priority bits)", 0xC0C00000},
        {18, "NVIC_IPR5 after writing all ones", 0xC0C0C0C0},
        {19, "NVIC_ISPR with SWI0..2 pended under PRIMASK", 0x00700000},
        {20, "IRQ order: SWI1, SWI2, SWI0, nested SWI3, SWI0 resumes", 0x2314F},
        {21, "IPSR in the nested SWI3 handler", 16 + 23},
        {22, "NVIC_ISPR after all ran", 0},
        {23, "ISPR set while disabled, cleared by ICPR", 1},
        {24, "WFI wakes with PRIMASK set; handler runs only after CPSIE", 0x10},
        {25, "HardFault count (UDF on MSP, unaligned LDR, UDF on PSP)", 3},
        {26, "HardFault EXC_RETURN", 0xFFFFFFF9},
        {27, "stacked r0", 0x11111111},
        {28, "stacked r1", 0x22222222},
        {29, "stacked r2", 0x33333333},
        {30, "stacked r3", 0x44444444},
        {31, "stacked r12", 0xCCCC0012},
        {32, "stacked LR", 0x89ABCDEF},
        {33, "stacked PC minus the UDF address", 0},
        {34, "stacked xPSR (flags ZC, Thumb bit, thread mode)", 0x61000000},
        {35, "IPSR in HardFault", 3},
        {36, "stacked PC minus the unaligned LDR address", 0},
        {37, "r0 kept when the unaligned load was skipped", 0x5A5A5A5A},
        {38, "stacked xPSR bit 9 for SVC taken with SP = 4 mod 8", 1 << 9},
        {39, "frame address mod 8 after realignment", 0},
        {40, "SP restored after the realigned SVC returned", 1},
        {41, "EXC_RETURN in SWI1 taken from thread mode", 0xFFFFFFF9},
        {42, "EXC_RETURN in SWI3 nested in SWI0", 0xFFFFFFF1},
        {43, "EXC_RETURN of a HardFault on the process stack", 0xFFFFFFFD},
        {44, "stacked PC minus the UDF address, process stack", 0},
        {45, "stacked r3 on the process stack", 0x44444444},
        {46, "CPUID: Cortex-M0 r0p0", 0x410CC200},
        {47, "AIRCR reads VECTKEYSTAT 0xFA05, little-endian", 0xFA050000},
        {48, "CCR: STKALIGN and UNALIGN_TRP read as one", 0x00000208},
        {49, "SHPR2 after writing all ones", 0xC0000000},
        {50, "equal priorities taken in number order: SWI1, SWI2, SWI4", 0x235},
        {51, "disabled by ICER: stays pending, not taken", 1},
        {52, "LDR from unmapped 0x30000000: one HardFault, r0 kept", 0x11},
        {53, "STR to unmapped 0x30000000: one HardFault", 1},
    };
    private static final int XPSR_INDEX = 34;
    private static final int XPSR_STACK_ALIGN_BIT = 1 << 9;

    @Test
    void resultBlockHoldsArchitecturalValuesWhenExceptionsRunsOnQemu() {
        ResultBlock block = QemuRuns.resultOf(Program.EXCEPTIONS);
        assertEquals(ResultBlock.STATUS_DONE, block.status(), "status, fault IPSR " + block.faultIpsr() + block);
        assertEquals(Program.EXCEPTIONS.id(), block.program());
        assertEquals(EXPECTED.length, block.count());
        for (Object[] row : EXPECTED) {
            int index = (Integer) row[0];
            int actual = block.value(index);
            if (index == XPSR_INDEX) {
                actual &= ~XPSR_STACK_ALIGN_BIT; // set only if the frame needed realigning
            }
            assertEquals((int) (Integer) row[2], actual, String.format("exceptions value %d (%s): QEMU 0x%08X",
                    index, row[1], block.value(index)));
        }
    }
}
