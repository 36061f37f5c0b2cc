package io.probehost.firmware.riscv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.probehost.sim.riscv.MisalignedAccess;
import org.junit.jupiter.api.Test;

/**
 * The lab hart with the Bumblebee's policy (misaligned loads and stores trap) on torture: the
 * five misaligned accesses trap with cause 4 or 6 and the address in mtval, change nothing, and
 * every other word stays as QEMU has it.
 */
class MisalignedTrapOnLabTest {

    private static int fold(int... values) {
        int hash = 0x811C_9DC5;
        for (int v : values) {
            hash = (hash ^ v) * 0x0100_0193;
        }
        return hash;
    }

    @Test
    void misalignedAccessesTrapAndLeaveMemoryAloneWhenThePolicyIsTrap() {
        ResultBlock qemu = QemuRuns.resultOf(Program.TORTURE);
        LabBoard board = new LabBoard(MisalignedAccess.TRAP);
        board.load(Program.TORTURE.labImage());
        ResultBlock lab = board.awaitResultBlock();

        assertEquals(ResultBlock.STATUS_DONE, lab.status());
        assertEquals(qemu.trapCount() + 5, lab.trapCount());
        assertEquals(qemu.trapCount() + 5, lab.value(46));
        assertEquals(fold(1, 2, 3, 0x1122_3344, 0x5566_7788, 0x99AA_BBCC, 0xDDEE_FF00), lab.value(45),
                "the loads leave their destinations, the stores leave memory");
        int words = lab.trap(qemu.trapCount())[2] - 1;
        int[] causes = {4, 4, 4, 6, 6};
        int[] offsets = {1, 3, 7, 5, 11};
        for (int i = 0; i < 5; i++) {
            int[] record = lab.trap(qemu.trapCount() + i);
            assertEquals(causes[i], record[0], "misaligned access " + i);
            assertEquals(words + offsets[i], record[2], "misaligned access " + i + " mtval");
        }
        int[] labOthers = lab.words();
        int[] qemuOthers = qemu.words();
        for (int word : new int[] {3, 4 + 45, 4 + 46}) {
            labOthers[word] = 0;
            qemuOthers[word] = 0;
        }
        for (int word = ResultBlock.TRAPS_AT + 4 * qemu.trapCount(); word < ResultBlock.WORDS; word++) {
            labOthers[word] = 0;
        }
        assertArrayEquals(qemuOthers, labOthers, "everything else as on QEMU");
    }
}
