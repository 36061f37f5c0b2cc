package io.probehost.firmware.riscv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Validates QEMU's fuzz folds against FuzzModel, block by block. */
class FuzzOnQemuTest {

    @Test
    void everyBlockFoldEqualsTheModelsWhenRunOnQemu() {
        ResultBlock block = QemuRuns.resultOf(Program.FUZZ);
        assertEquals(ResultBlock.STATUS_DONE, block.status(), "trap record 0: " + java.util.Arrays.toString(block.trap(0)));
        assertEquals(FuzzModel.BLOCKS + 1, block.valueCount());
        FuzzModel model = new FuzzModel();
        assertEquals(model.prngState(), block.value(FuzzModel.BLOCKS), "PRNG state: the draws are replayed in order");
        for (int b = 0; b < FuzzModel.BLOCKS; b++) {
            int index = b;
            assertEquals(model.fold(b), block.value(b), () -> "block " + index + ":\n  " + model.block(index).stream()
                    .map(i -> String.format("%08x %s", i.encoding(), i.text())).collect(Collectors.joining("\n  ")));
        }
    }
}
