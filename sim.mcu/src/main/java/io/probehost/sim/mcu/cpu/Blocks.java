package io.probehost.sim.mcu.cpu;

import io.probehost.sim.mcu.bus.DirectRegion;

/** The core's {@link Block}s, found by their first PC (direct-mapped, like {@link DecodedInstructions}). */
final class Blocks {
    private static final int SIZE = 1 << 12;

    private final Block[] table = new Block[SIZE];
    private final DecodedInstructions decoded;
    private final BlockCompiler compiler = new BlockCompiler();

    Blocks(DecodedInstructions decoded) {
        this.decoded = decoded;
    }

    /** The block starting at {@code pc} in {@code code}, which covers {@code pc}'s first halfword. */
    Block at(int pc, DirectRegion code) {
        int i = (pc >>> 1) & (SIZE - 1);
        Block block = table[i];
        if (block == null || block.start() != pc) {
            block = build(pc, code);
            table[i] = block;
        }
        return block;
    }

    void compile(Block block) {
        if (block.count() > 0) {
            block.compiled(compiler.compile(block));
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
        return new Block(start, pcs, raws, kinds, count, pc, branches);
    }
}
