package io.probehost.firmware.riscv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Validates QEMU's irq results against the privileged spec's interrupt rules. */
class IrqOnQemuTest {
    private static final int MSI = 0x8000_0003;

    @Test
    void softwareInterruptIsTakenExactlyWhenEnabledAndVectoredToEntryThree() {
        ResultBlock block = QemuRuns.resultOf(Program.IRQ);
        assertEquals(ResultBlock.STATUS_DONE, block.status());
        assertEquals(11, block.valueCount());
        int[] values = new int[11];
        for (int i = 0; i < values.length; i++) {
            values[i] = block.value(i);
        }
        int mtvec = values[8];
        assertEquals(0xC000_0001, mtvec & 0xF000_003F, "vectored mode, 64-byte aligned table in code");
        assertArrayEquals(new int[] {1, 0x88, 8, 1, 2, 8, 2, 0, mtvec, 1, 4}, values);
    }

    @Test
    void trapRecordsShowInterruptCausesAndMpieSet() {
        ResultBlock block = QemuRuns.resultOf(Program.IRQ);
        assertEquals(4, block.trapCount());
        int[] causes = {MSI, MSI, MSI, 11};
        for (int i = 0; i < 4; i++) {
            assertEquals(causes[i], block.trap(i)[0], "trap " + i);
            assertEquals(0, block.trap(i)[2], "trap " + i + " mtval");
            assertEquals(0x1880, block.trap(i)[3], "trap " + i + " mstatus: MPIE = 1 (MIE was on), MIE = 0");
        }
        assertEquals(block.trap(0)[1], block.trap(2)[1], "both after the MSIP write");
        assertNotEquals(block.trap(0)[1], block.trap(1)[1], "the second after enabling MIE");
    }
}
