package io.probehost.sim.mcu.cpu;

import io.probehost.sim.mcu.bus.DirectRegion;
import java.util.Arrays;

/**
 * The core's {@link Block}s by their first PC: an open-addressing table that grows, so that a hot
 * block is never dropped (and compiled again) because another one maps to its slot, up to
 * {@link #MAX_BLOCKS}; then it starts empty again, so that blocks of code long gone (flash
 * programmed with other firmware many times over) cannot pile up on a station that runs for months.
 */
final class Blocks {
    private static final int INITIAL_SLOTS = 1 << 10;
    static final int MAX_BLOCKS = 1 << 14;

    private int[] starts = new int[INITIAL_SLOTS];
    private Block[] slots = new Block[INITIAL_SLOTS];
    private int size;
    private int compiledCount;
    private final DecodedInstructions decoded;
    private final Runnable codeChanged;
    private final BlockCompiler compiler = new BlockCompiler();
    private int hot = Block.HOT;

    /** {@code codeChanged} runs when a block's code changes, by any writer, while the core may be running it. */
    Blocks(DecodedInstructions decoded, Runnable codeChanged) {
        this.decoded = decoded;
        this.codeChanged = codeChanged;
    }

    /**
     * The block starting at {@code pc} in {@code code}, which covers {@code pc}'s first halfword:
     * read again if its code changed since.
     */
    Block at(int pc, DirectRegion code) {
        int mask = slots.length - 1;
        int i = slot(pc, mask);
        Block block;
        while ((block = slots[i]) != null && starts[i] != pc) {
            i = (i + 1) & mask;
        }
        if (block == null) {
            if (size == MAX_BLOCKS) {
                clear();
                return at(pc, code);
            }
            block = build(pc, code);
            starts[i] = pc;
            slots[i] = block;
            if (++size * 2 > slots.length) {
                grow();
            }
        } else if (!block.stillIn(code)) {
            block = build(pc, code);
            slots[i] = block;
        }
        return block;
    }

    /** Blocks compiled so far (tests). */
    int compiledCount() {
        return compiledCount;
    }

    private void clear() {
        starts = new int[INITIAL_SLOTS];
        slots = new Block[INITIAL_SLOTS];
        size = 0;
    }

    private static int slot(int pc, int mask) {
        return ((pc >>> 1) * 0x9E37_79B9 >>> 8) & mask;
    }

    private void grow() {
        int[] oldStarts = starts;
        Block[] oldSlots = slots;
        starts = new int[oldStarts.length * 2];
        slots = new Block[oldSlots.length * 2];
        int mask = slots.length - 1;
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldSlots[j] != null) {
                int i = slot(oldStarts[j], mask);
                while (slots[i] != null) {
                    i = (i + 1) & mask;
                }
                starts[i] = oldStarts[j];
                slots[i] = oldSlots[j];
            }
        }
    }

    /**
     * The compiled form of {@code block}, which the run has reached once more: compiled now if this
     * is the {@code hot}-th time; null while it is not (the run then steps through it).
     */
    CompiledBlock compiledOnceHot(Block block) {
        if (block.compiled() == null && block.reached(hot)) {
            compile(block);
        }
        return block.compiled();
    }

    /** Compile blocks when reached {@code runs} times instead of {@link Block#HOT}. */
    void compileAfter(int runs) {
        hot = runs;
    }

    private void compile(Block block) {
        if (block.count() > 0) {
            block.compiled(compiler.compile(block));
            compiledCount++;
        }
    }

    private Block build(int start, DirectRegion code) {
        int[] pcs = new int[Block.MAX_INSTRUCTIONS];
        int[] raws = new int[Block.MAX_INSTRUCTIONS];
        int[] kinds = new int[Block.MAX_INSTRUCTIONS];
        int count = 0;
        int pc = start;
        boolean branches = false;
        while (count < Block.MAX_INSTRUCTIONS && !branches) {
            long pair = code.readWordIfCovered(pc, Core.NO_PAIR);
            if (pair == Core.NO_PAIR) {
                break;
            }
            int raw = (int) pair;
            boolean wide = DecodedInstructions.thirtyTwoBit(raw & 0xFFFF);
            if (!wide) {
                raw &= 0xFFFF;
            }
            int kind = decoded.classOf(pc, raw);
            if (BlockCompiler.routine(kind, raw) == null) {
                break;
            }
            branches = BlockCompiler.endsBlock(kind, raw);
            pcs[count] = pc;
            raws[count] = raw;
            kinds[count] = kind;
            count++;
            pc += wide ? 4 : 2;
        }
        Block block = new Block(start, Arrays.copyOf(pcs, count), Arrays.copyOf(raws, count), Arrays.copyOf(kinds, count), pc, branches);
        block.markIn(code);
        code.decodeTable().onCodeChange(codeChanged);
        return block;
    }
}
