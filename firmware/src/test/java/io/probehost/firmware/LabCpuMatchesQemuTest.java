package io.probehost.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** QEMU, checked against the Java models by the *OnQemuTest classes, judges the lab's CPU. */
class LabCpuMatchesQemuTest {
    private static final int MAX_REPORTED = 40;

    private static String firstFuzzDifference(MemorySnapshot qemu, MemorySnapshot lab) {
        FuzzBlocks expected = FuzzBlocks.from(qemu);
        FuzzBlocks actual = FuzzBlocks.from(lab);
        for (int b = 0; b < expected.size(); b++) {
            if (!Arrays.equals(expected.outputs()[b], actual.outputs()[b])) {
                return expected.describe(b, "lab", actual.outputs()[b]);
            }
        }
        return "(all fuzz block outputs agree)";
    }

    @ParameterizedTest
    @EnumSource(value = Program.class, mode = EnumSource.Mode.MATCH_ALL, names = Program.RUNS_TO_DONE)
    void labRamEqualsQemuWordForWordWhenProgramRunsOnLabCpu(Program program) throws Exception {
        MemorySnapshot qemu = QemuRuns.snapshotOf(program);
        assertEquals(ResultBlock.STATUS_DONE, qemu.block().status(), "QEMU itself did not finish " + program);
        MemorySnapshot lab;
        try (LabMicrobit mcu = new LabMicrobit()) {
            mcu.load(program);
            ResultBlock block = program.runsWithoutDebugger()
                    ? mcu.awaitWithoutDebugger(ResultBlock::isFinished, QemuRuns.TIMEOUT) : mcu.awaitResultBlock();
            lab = MemorySnapshot.take(program, block, mcu::readWords);
        }
        List<String> differences = lab.differencesFrom(qemu, "QEMU", "lab");
        assertTrue(differences.isEmpty(), program + ": " + differences.size() + " words differ (lab fault IPSR "
                + lab.block().faultIpsr() + "), first ones:\n  "
                + String.join("\n  ", differences.subList(0, Math.min(differences.size(), MAX_REPORTED)))
                + (program == Program.FUZZ || program == Program.FUZZ_MEMORY ? "\n" + firstFuzzDifference(qemu, lab) : ""));
    }
}
