package io.probehost.firmware;

/** The FNV-1a style word fold the firmware uses for its checksums, and its xorshift32 PRNG. */
final class Fold {
    static final int SEED = 0x811C_9DC5;

    private Fold() {
    }

    /** FNV-1 step then a shift down, so a difference in the top (flag) bits cannot cancel out. */
    static int fold(int hash, int value) {
        int h = (hash ^ value) * 0x0100_0193;
        return h ^ (h >>> 16);
    }

    static int fold(int hash, int... values) {
        for (int value : values) {
            hash = fold(hash, value);
        }
        return hash;
    }

    static final class Xorshift32 {
        private int state;

        Xorshift32(int seed) {
            this.state = seed;
        }

        int next() {
            int x = state;
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            state = x;
            return x;
        }

        int state() {
            return state;
        }
    }
}
