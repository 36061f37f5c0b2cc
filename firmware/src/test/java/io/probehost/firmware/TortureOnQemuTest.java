package io.probehost.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TortureOnQemuTest {

    @ParameterizedTest
    @EnumSource(value = Program.class, names = {"TORTURE", "TORTURE_O2"})
    void resultBlockMatchesJavaModelWhenTortureRunsOnQemu(Program program) {
        ResultBlock block = QemuRuns.resultOf(program);
        assertEquals(ResultBlock.STATUS_DONE, block.status(), "status, fault IPSR " + block.faultIpsr() + block);
        assertEquals(Program.TORTURE.id(), block.program());
        assertEquals(TortureModel.VALUE_COUNT, block.count());
        int[] expected = TortureModel.expectedValues();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], block.value(i), String.format(program + " value %d: expected 0x%08X, QEMU 0x%08X",
                    i, expected[i], block.value(i)));
        }
    }
}
