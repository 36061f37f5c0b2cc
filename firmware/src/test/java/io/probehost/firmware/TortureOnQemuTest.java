package io.probehost.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TortureOnQemuTest {

    @Test
    void resultBlockMatchesJavaModelWhenTortureRunsOnQemu() {
        ResultBlock block = QemuRuns.resultOf(Program.TORTURE);
        assertEquals(ResultBlock.STATUS_DONE, block.status(), "status, fault IPSR " + block.faultIpsr() + block);
        assertEquals(Program.TORTURE.id(), block.program());
        assertEquals(TortureModel.VALUE_COUNT, block.count());
        int[] expected = TortureModel.expectedValues();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], block.value(i), String.format("torture value %d: expected 0x%08X, QEMU 0x%08X",
                    i, expected[i], block.value(i)));
        }
    }
}
