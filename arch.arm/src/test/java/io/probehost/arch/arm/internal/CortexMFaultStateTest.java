package io.probehost.arch.arm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CortexMFaultStateTest {

    @Test
    void threadModeHasNothingToReport() {
        assertTrue(new CortexMFaultState(0, 0xFFFF_FFF9L, 0, 0, 0, Optional.empty()).describe().isEmpty());
    }

    @Test
    void armv6mHardFaultNamesTheStackedFrame() {
        List<String> lines = new CortexMFaultState(3, 0xFFFF_FFF9L, 0xD92, 0x1A5, 0x2100_0000L, Optional.empty())
                .describe();
        assertEquals(List.of("In HardFault (exception 3)",
                "EXC_RETURN 0xfffffff9: return to Thread mode, frame on the main stack (MSP)",
                "Interrupted at pc 0x00000d92 (lr 0x000001a5, xPSR 0x21000000)"), lines);
    }

    @Test
    void clearThumbBitAndNestedExceptionAreSaid() {
        List<String> lines = new CortexMFaultState(3, 0xFFFF_FFF1L, 0x200, 0x1A5, 0x0000_000BL, Optional.empty())
                .describe();
        assertEquals("EXC_RETURN 0xfffffff1: return to Handler mode, frame on the main stack (MSP)", lines.get(1));
        assertTrue(lines.contains("Stacked xPSR has the Thumb bit clear: a branch to an even address (or a corrupt frame)"));
        assertEquals("The interrupted code was itself handling SVCall", lines.get(lines.size() - 1));
    }

    @Test
    void armv7mForcedPreciseBusFaultGivesTheAddress() {
        CortexMFaultState.FaultStatus status = new CortexMFaultState.FaultStatus(0x8200, 0x4000_0000L, 0, 0x4);
        List<String> lines = new CortexMFaultState(3, 0xFFFF_FFEDL, 0x800_0124L, 0x800_0101L, 0x6100_0000L,
                Optional.of(status)).describe();
        assertEquals(List.of("In HardFault (exception 3)", "HFSR 0x40000000, CFSR 0x00008200",
                "FORCED: a configurable fault escalated to HardFault (disabled or of too low priority)",
                "PRECISERR: precise data bus error", "BFAR 0x00000004: the address of the bus fault",
                "EXC_RETURN 0xffffffed: return to Thread mode, frame on the process stack (PSP), extended (floating-point) frame",
                "Interrupted at pc 0x08000124 (lr 0x08000101, xPSR 0x61000000)"), lines);
    }

    @Test
    void everyUsageFaultBitIsNamed() {
        CortexMFaultState.FaultStatus status = new CortexMFaultState.FaultStatus(0x030F_0000L, 0, 0, 0);
        List<String> lines = new CortexMFaultState(6, 0xFFFF_FFF9L, 0, 0, 0x0100_0000L, Optional.of(status))
                .describe();
        for (String bit : List.of("UNDEFINSTR", "INVSTATE", "INVPC", "NOCP", "UNALIGNED", "DIVBYZERO")) {
            assertTrue(lines.stream().anyMatch(line -> line.startsWith(bit + ":")), bit + " in " + lines);
        }
        assertEquals("In UsageFault (exception 6)", lines.get(0));
    }

    @Test
    void lrWithoutExcReturnLeavesTheFrameUnknown() {
        List<String> lines = new CortexMFaultState(21, 0x1A5, 0, 0, 0, Optional.empty()).describe();
        assertEquals(List.of("In IRQ5 (exception 21)",
                "LR 0x000001a5 is not an EXC_RETURN: the handler has called on; stacked frame unknown"), lines);
    }
}
