package io.probehost.firmware.riscv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** QEMU, checked against independent expectations by TortureOnQemuTest, judges the lab's hart. */
class LabHartMatchesQemuTest {

    @ParameterizedTest
    @EnumSource(value = Program.class, names = "GD32_TIMER", mode = EnumSource.Mode.EXCLUDE)
    void labResultBlockEqualsQemuWordForWordWhenProgramRunsOnLabHart(Program program) throws Exception {
        ResultBlock qemu = QemuRuns.resultOf(program);
        assertEquals(ResultBlock.STATUS_DONE, qemu.status(), "QEMU itself did not finish " + program);
        LabBoard board = new LabBoard();
        board.load(program.labImage());
        ResultBlock lab = board.awaitResultBlock();
        List<String> differences = lab.differencesFrom(qemu, "QEMU", "lab");
        assertTrue(differences.isEmpty(), program + ": " + differences.size() + " words differ, first ones:\n  "
                + String.join("\n  ", differences.subList(0, Math.min(differences.size(), 40))));
    }
}
