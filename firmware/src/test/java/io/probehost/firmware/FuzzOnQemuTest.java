package io.probehost.firmware;

import static io.probehost.firmware.Fold.fold;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FuzzOnQemuTest {

    @ParameterizedTest
    @EnumSource(value = Program.class, names = {"FUZZ", "FUZZ_MEMORY"})
    void everyBlockMatchesJavaInterpreterWhenFuzzRunsOnQemu(Program program) {
        MemorySnapshot qemu = QemuRuns.snapshotOf(program);
        assertEquals(ResultBlock.STATUS_DONE, qemu.block().status(), "status" + qemu.block());
        assertEquals(program.id(), qemu.block().program());
        FuzzBlocks blocks = FuzzBlocks.from(qemu);
        assertEquals(program == Program.FUZZ ? 80 : 64, blocks.size());
        List<Integer> bad = blocks.blocksDisagreeingWithInterpreter();
        assertTrue(bad.isEmpty(), bad.size() + " blocks differ, first " + (bad.isEmpty() ? ""
                : blocks.describe(bad.get(0), "QEMU", blocks.outputs()[bad.get(0)])));
        assertTrue(blocks.scratchAgreesWithInterpreter(), "scratch buffer after all blocks");
    }

    @ParameterizedTest
    @EnumSource(value = Program.class, names = {"FUZZ", "FUZZ_MEMORY"})
    void stateFoldCoversEveryOutputWhenFuzzRunsOnQemu(Program program) {
        MemorySnapshot qemu = QemuRuns.snapshotOf(program);
        FuzzBlocks blocks = FuzzBlocks.from(qemu);
        int h = Fold.SEED;
        for (int[] output : blocks.outputs()) {
            h = fold(h, output);
        }
        assertEquals(h, qemu.block().value(0));
    }

    @Test
    void describeNamesInstructionsWhenGivenGeneratedEncodings() {
        assertEquals("1E4A  subs r2, r1, #1", ThumbAluInterpreter.describe(0x1E4A));
        assertEquals("0800  lsrs r0, r0, #32", ThumbAluInterpreter.describe(0x0800));
        assertEquals("4345  muls r5, r0", ThumbAluInterpreter.describe(0x4345));
        assertEquals("45C4  cmp r12, r8", ThumbAluInterpreter.describe(0x45C4));
        assertEquals("BAD1  revsh r1, r2", ThumbAluInterpreter.describe(0xBAD1));
        assertEquals("5EF3  ldrsh r3, [r6, r3]", ThumbAluInterpreter.describe(0x5EF3));
        assertEquals("8F3A  ldrh r2, [r7, #56]", ThumbAluInterpreter.describe(0x8F3A));
        assertEquals("D1FF  bne .+2", ThumbAluInterpreter.describe(0xD1FF));
        assertEquals("E001  b .+6", ThumbAluInterpreter.describe(0xE001));
    }
}
