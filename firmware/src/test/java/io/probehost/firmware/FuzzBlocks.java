package io.probehost.firmware;

import java.util.ArrayList;
import java.util.List;

/**
 * The fuzz program's blocks as left in RAM: per block the generated code, the input state and the
 * output state (r0-r12, APSR). Addresses and sizes come from the result block.
 */
record FuzzBlocks(short[][] code, int[][] inputs, int[][] outputs) {
    private static final int CODE = 1;
    private static final int INPUTS = 2;
    private static final int OUTPUTS = 3;
    private static final int BLOCKS = 4;
    private static final int BLOCK_LENGTH = 5;

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
            inputs[b] = state(snapshot, block.value(INPUTS), b);
            outputs[b] = state(snapshot, block.value(OUTPUTS), b);
        }
        return new FuzzBlocks(code, inputs, outputs);
    }

    private static int[] state(MemorySnapshot snapshot, int base, int index) {
        int[] words = new int[ThumbAluInterpreter.STATE_WORDS];
        for (int i = 0; i < words.length; i++) {
            words[i] = snapshot.ramWord(base + 4 * (index * words.length + i));
        }
        return words;
    }

    int size() {
        return code.length;
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
        int[] expected = ThumbAluInterpreter.run(inputs[index], code[index]);
        text.append("\n    reg    input      interpreter  ").append(name);
        for (int i = 0; i < expected.length; i++) {
            text.append(String.format("%n    %-5s  0x%08X 0x%08X   0x%08X%s", i == ThumbAluInterpreter.APSR ? "apsr" : "r" + i,
                    inputs[index][i], expected[i], actual[i], expected[i] != actual[i] ? "  <-" : ""));
        }
        return text.toString();
    }

    /** Indexes of blocks whose recorded output differs from the interpreter's. */
    List<Integer> blocksDisagreeingWithInterpreter() {
        List<Integer> bad = new ArrayList<>();
        for (int b = 0; b < size(); b++) {
            if (!java.util.Arrays.equals(ThumbAluInterpreter.run(inputs[b], code[b]), outputs[b])) {
                bad.add(b);
            }
        }
        return bad;
    }
}
