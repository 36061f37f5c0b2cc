package io.probehost.firmware;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fuzz program's blocks as left in RAM: per block the generated code, the input state and the
 * output state (r0-r12, APSR), plus the scratch buffer before and after all blocks. Addresses and
 * sizes come from the result block. The interpreter replays the blocks in order on a copy of the
 * initial scratch buffer.
 */
final class FuzzBlocks {
    private static final int CODE = 1;
    private static final int INPUTS = 2;
    private static final int OUTPUTS = 3;
    private static final int BLOCKS = 4;
    private static final int BLOCK_LENGTH = 5;
    private static final int SCRATCH_INITIAL = 6;
    private static final int SCRATCH = 7;
    private static final int SCRATCH_SIZE = 8;

    private final short[][] code;
    private final int[][] inputs;
    private final int[][] outputs;
    private final ScratchMemory scratchAfter;
    private final int[][] interpreterOutputs;
    private final ScratchMemory interpreterScratchAfter;

    private FuzzBlocks(short[][] code, int[][] inputs, int[][] outputs, ScratchMemory scratchBefore,
                       ScratchMemory scratchAfter) {
        this.code = code;
        this.inputs = inputs;
        this.outputs = outputs;
        this.scratchAfter = scratchAfter;
        this.interpreterScratchAfter = scratchBefore.copy();
        this.interpreterOutputs = new int[code.length][];
        for (int b = 0; b < code.length; b++) {
            interpreterOutputs[b] = ThumbAluInterpreter.run(inputs[b], code[b], interpreterScratchAfter);
        }
    }

    static FuzzBlocks from(MemorySnapshot snapshot) {
        ResultBlock block = snapshot.block();
        int blocks = block.value(BLOCKS);
        int stride = block.value(BLOCK_LENGTH) + 2; // BX LR and one halfword of padding
        short[][] code = new short[blocks][stride];
        int[][] inputs = new int[blocks][];
        int[][] outputs = new int[blocks][];
        for (int b = 0; b < blocks; b++) {
            for (int i = 0; i < stride; i++) {
                int address = block.value(CODE) + 2 * (b * stride + i);
                code[b][i] = (short) (snapshot.ramWord(address & ~3) >>> (8 * (address & 2)));
            }
            inputs[b] = words(snapshot, block.value(INPUTS) + 4 * b * ThumbAluInterpreter.STATE_WORDS,
                    ThumbAluInterpreter.STATE_WORDS);
            outputs[b] = words(snapshot, block.value(OUTPUTS) + 4 * b * ThumbAluInterpreter.STATE_WORDS,
                    ThumbAluInterpreter.STATE_WORDS);
        }
        int scratchWords = block.value(SCRATCH_SIZE) / 4;
        ScratchMemory before = new ScratchMemory(block.value(SCRATCH),
                words(snapshot, block.value(SCRATCH_INITIAL), scratchWords));
        ScratchMemory after = new ScratchMemory(block.value(SCRATCH), words(snapshot, block.value(SCRATCH), scratchWords));
        return new FuzzBlocks(code, inputs, outputs, before, after);
    }

    private static int[] words(MemorySnapshot snapshot, int address, int count) {
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            words[i] = snapshot.ramWord(address + 4 * i);
        }
        return words;
    }

    int size() {
        return code.length;
    }

    int[][] outputs() {
        return outputs;
    }

    /** Indexes of blocks whose recorded output differs from the interpreter's. */
    List<Integer> blocksDisagreeingWithInterpreter() {
        List<Integer> bad = new ArrayList<>();
        for (int b = 0; b < size(); b++) {
            if (!Arrays.equals(interpreterOutputs[b], outputs[b])) {
                bad.add(b);
            }
        }
        return bad;
    }

    boolean scratchAgreesWithInterpreter() {
        return scratchAfter.equals(interpreterScratchAfter);
    }

    /** The block's code, its input, the interpreter's output and the given output, register by register. */
    String describe(int index, String name, int[] actual) {
        StringBuilder text = new StringBuilder("fuzz block " + index + ":");
        for (short instruction : code[index]) {
            text.append("\n    ").append(ThumbAluInterpreter.describe(instruction));
            if (instruction == ThumbAluInterpreter.BX_LR) {
                break;
            }
        }
        int[] expected = interpreterOutputs[index];
        text.append("\n    reg    input      interpreter  ").append(name);
        for (int i = 0; i < expected.length; i++) {
            text.append(String.format("%n    %-5s  0x%08X 0x%08X   0x%08X%s", i == ThumbAluInterpreter.APSR ? "apsr" : "r" + i,
                    inputs[index][i], expected[i], actual[i], expected[i] != actual[i] ? "  <-" : ""));
        }
        return text.toString();
    }
}
