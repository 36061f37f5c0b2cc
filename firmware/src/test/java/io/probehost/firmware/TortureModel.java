package io.probehost.firmware;

import static io.probehost.firmware.Fold.fold;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

/**
 * What torture.c must leave in its result block, computed in Java from the ARMv6-M semantics and
 * the same PRNG sequence, consumed in the same order as the C program.
 */
final class TortureModel {
    static final int VALUE_COUNT = 49;
    static final int[] EDGE = {0x00000000, 0x00000001, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0x80000001, 0x12345678, 0xFFFF0000};
    private static final int[] FLAGS_IN = {0x00000000, 0x30000000};
    private static final int[] SHIFT_AMOUNTS = {0, 1, 2, 7, 16, 31, 32, 33, 64, 255, 256, 257};

    private final Fold.Xorshift32 prng = new Fold.Xorshift32(0x2545F491);

    private interface BinaryOp {
        /** Returns {result, flags} of "op a, b" with the given flags before. */
        int[] apply(int a, int b, int flagsBefore);
    }

    static int[] expectedValues() {
        return new TortureModel().compute();
    }

    private int[] compute() {
        int[] r = new int[VALUE_COUNT];
        r[0] = aluMix();
        wideAddSub(r);
        r[5] = binaryFlagTest((a, b, f) -> {
            int flags = Thumb1Flags.addFlags(a, b, Thumb1Flags.carry(f));
            return new int[] {a + b + Thumb1Flags.carry(f), flags};
        });
        r[6] = binaryFlagTest((a, b, f) -> {
            int flags = Thumb1Flags.subFlags(a, b, Thumb1Flags.carry(f));
            return new int[] {a - b - (1 - Thumb1Flags.carry(f)), flags};
        });
        r[7] = binaryFlagTest((a, b, f) -> new int[] {a, Thumb1Flags.subFlags(a, b, 1)});
        r[8] = binaryFlagTest((a, b, f) -> new int[] {a, Thumb1Flags.addFlags(a, b, 0)});
        r[9] = logicFlags();
        r[10] = negsFlags();
        r[11] = shiftRegisterTest(Thumb1Flags::lsl);
        r[12] = shiftRegisterTest(Thumb1Flags::lsr);
        r[13] = shiftRegisterTest(Thumb1Flags::asr);
        r[14] = shiftRegisterTest(Thumb1Flags::ror);
        r[15] = shiftImmediate();
        r[16] = binaryFlagTest((a, b, f) -> new int[] {a * b, Thumb1Flags.nz(a * b, f)});
        r[17] = conditionalBranches();
        r[18] = loadStore();
        ldmStm(r);
        r[21] = reverses();
        r[22] = extends_();
        r[23] = crc32();
        r[24] = prng.state();
        r[25] = fib(20);
        r[26] = ackermann(2, 3) * 1000 + ackermann(3, 3);
        r[27] = functionPointers();
        r[28] = switchTable();
        r[29] = division();
        wideMultiplyShift(r);
        r[32] = 0xF0000000; // MSR APSR then MRS APSR in thread mode: just NZCV
        r[33] = 0x50000000;
        r[34] = 0b0101;     // PRIMASK after CPSID, CPSIE, MSR 1, MSR 0
        r[35] = 0;          // CONTROL: privileged, main stack
        r[36] = 0;          // IPSR in thread mode
        r[37] = highRegisters();
        r[38] = immediateForms();
        r[39] = addressing();
        int[] pcRelative = {4, 4, 0, 0, 0xCAFEF00D, 0x8BADF00D, 6}; // PC reads: MOV/ADD +4, ADR/LDR literal Align(PC,4)
        System.arraycopy(pcRelative, 0, r, 40, pcRelative.length);
        r[47] = 2 * 0x1000 + 9; // BLX, MOV PC, BX and POP {PC} all landed
        r[48] = 0x600D;         // SEV; WFE; YIELD; NOP fell through
        return r;
    }

    private int aluMix() {
        int acc = 0x9E3779B9;
        for (int i = 0; i < 256; i++) {
            int x = prng.next();
            acc += x;
            acc ^= x >>> 7;
            acc -= x & 0x3F0;
            acc = (acc << 3) | (acc >>> 29);
            acc &= ~(x << 12) | 0x0F0F0F0F;
            acc = (acc >> 1) ^ -x;
            acc |= i << 20;
            acc = ~acc + (x & 0xFF);
        }
        return acc;
    }

    private void wideAddSub(int[] r) {
        long sum = 0;
        long difference = 0;
        for (int i = 0; i < 64; i++) {
            long lo = Integer.toUnsignedLong(prng.next());
            long hi = prng.next();
            long value = (hi << 32) | lo;
            sum += value;
            difference -= value;
        }
        r[1] = (int) sum;
        r[2] = (int) (sum >>> 32);
        r[3] = (int) difference;
        r[4] = (int) (difference >>> 32);
    }

    private static int binaryFlagTest(BinaryOp op) {
        int h = Fold.SEED;
        for (int flagsIn : FLAGS_IN) {
            for (int a : EDGE) {
                for (int b : EDGE) {
                    int[] out = op.apply(a, b, flagsIn);
                    h = fold(h, out[0], out[1]);
                }
            }
        }
        return h;
    }

    private static int logicFlags() {
        int h = Fold.SEED;
        for (int f : FLAGS_IN) {
            for (int a : EDGE) {
                for (int b : EDGE) {
                    int[] results = {a & b, a ^ b, a | b, a & ~b, ~b};
                    for (int result : results) {
                        h = fold(h, result, Thumb1Flags.nz(result, f));
                    }
                    h = fold(h, a, Thumb1Flags.nz(a & b, f)); // TST leaves the register alone
                }
            }
        }
        return h;
    }

    private static int negsFlags() {
        int h = Fold.SEED;
        for (int f : FLAGS_IN) {
            for (int b : EDGE) {
                h = fold(h, -b, Thumb1Flags.subFlags(0, b, 1));
            }
        }
        return h;
    }

    private static int shiftRegisterTest(BinaryOp shift) {
        int h = Fold.SEED;
        for (int f : FLAGS_IN) {
            for (int a : EDGE) {
                for (int amount : SHIFT_AMOUNTS) {
                    int[] out = shift.apply(a, amount, f);
                    h = fold(h, out[0], out[1]);
                }
            }
        }
        return h;
    }

    private static int shiftImmediate() {
        int h = Fold.SEED;
        for (int f : FLAGS_IN) {
            for (int a : EDGE) {
                int[][] outs = {
                    Thumb1Flags.lsl(a, 0, f), Thumb1Flags.lsl(a, 1, f), Thumb1Flags.lsl(a, 31, f),
                    Thumb1Flags.lsr(a, 1, f), Thumb1Flags.lsr(a, 31, f), Thumb1Flags.lsr(a, 32, f),
                    Thumb1Flags.asr(a, 1, f), Thumb1Flags.asr(a, 31, f), Thumb1Flags.asr(a, 32, f),
                };
                for (int[] out : outs) {
                    h = fold(h, out[0], out[1]);
                }
            }
        }
        return h;
    }

    private static int conditionalBranches() {
        int h = Fold.SEED;
        for (int a : EDGE) {
            for (int b : EDGE) {
                h = fold(h, Thumb1Flags.conditionMask(Thumb1Flags.subFlags(a, b, 1)));
            }
        }
        return h;
    }

    private int loadStore() {
        ByteBuffer memory = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 16; i++) {
            memory.putInt(4 * i, prng.next());
        }
        int h = Fold.SEED;
        for (int i = 0; i < 64; i++) {
            h = fold(h, memory.get(i) + (memory.get(i) & 0xFF));
        }
        for (int i = 0; i < 32; i++) {
            h = fold(h, memory.getShort(2 * i) ^ (memory.getShort(2 * i) & 0xFFFF));
        }
        for (int i = 0; i < 64; i += 3) {
            memory.put(i, (byte) (memory.get(i) + 0x81));
        }
        for (int i = 1; i < 32; i += 5) {
            memory.putShort(2 * i, (short) (memory.getShort(2 * i) ^ 0x8001));
        }
        memory.putInt(28, 0x11223344);
        h = fold(h, (memory.get(28) & 0xFF) | (memory.get(31) & 0xFF) << 8 | (memory.getShort(30) & 0xFFFF) << 16);
        for (int i = 0; i < 16; i++) {
            h = fold(h, memory.getInt(4 * i));
        }
        return h;
    }

    private void ldmStm(int[] r) {
        int s = prng.next();
        r[19] = ((((16 ^ s) + (s + 1)) ^ (s + 2)) * (2 * s)) + s;
        int[] scratch = {s, s + 1, s + 2, 2 * s, 16, s};
        r[20] = fold(fold(Fold.SEED, scratch), scratch[2] + scratch[3]);
    }

    private int nextOrEdge(int i) {
        return i < EDGE.length ? EDGE[i] : prng.next();
    }

    private int reverses() {
        int h = Fold.SEED;
        for (int i = 0; i < EDGE.length + 8; i++) {
            int v = nextOrEdge(i);
            int rev16 = ((v >>> 8) & 0x00FF00FF) | ((v << 8) & 0xFF00FF00);
            int revsh = (short) (((v & 0xFF) << 8) | ((v >>> 8) & 0xFF));
            h = fold(h, Integer.reverseBytes(v), rev16, revsh);
        }
        return h;
    }

    private int extends_() {
        int h = Fold.SEED;
        for (int i = 0; i < EDGE.length + 8; i++) {
            int v = nextOrEdge(i);
            h = fold(h, (byte) v, (short) v, v & 0xFF, v & 0xFFFF);
        }
        return h;
    }

    private int crc32() {
        byte[] data = new byte[256];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (prng.next() >>> 24);
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        return (int) crc.getValue();
    }

    private static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    private static int ackermann(int m, int n) {
        if (m == 0) {
            return n + 1;
        }
        return n == 0 ? ackermann(m - 1, 1) : ackermann(m - 1, ackermann(m, n - 1));
    }

    private int functionPointers() {
        int acc = 0x1234;
        for (int i = 0; i < 100; i++) {
            int x = prng.next();
            acc = switch (x & 7) {
                case 0 -> acc + x;
                case 1 -> acc - x;
                case 2 -> acc ^ x;
                case 3 -> acc * (x | 1);
                case 4 -> Integer.rotateLeft(acc, x & 31);
                case 5 -> (acc & ~x) + 0x1234;
                case 6 -> (acc >>> (x & 7)) ^ x;
                default -> ((acc << 16) | (acc >>> 16)) + (x >>> 28);
            };
        }
        return acc;
    }

    private int switchTable() {
        int acc = 7;
        for (int i = 0; i < 200; i++) {
            int x = prng.next();
            acc = switch (x & 15) {
                case 0 -> acc + 1;
                case 1 -> acc ^ x;
                case 2 -> acc - (x >>> 3);
                case 3 -> acc * 3;
                case 4 -> acc << 1;
                case 5 -> acc >>> 2;
                case 6 -> ~acc;
                case 7 -> acc + (x << 4);
                case 8 -> acc | 0x100;
                case 9 -> acc & 0xFFFF00FF;
                case 10 -> acc ^ 0xA5A5A5A5;
                case 11 -> acc + x * 5;
                case 12 -> Integer.rotateLeft(acc, 16);
                case 13 -> acc - 77;
                case 14 -> acc * x;
                default -> acc ^ (x >>> 11);
            };
        }
        return acc;
    }

    private int division() {
        int h = Fold.SEED;
        for (int i = 0; i < 40; i++) {
            int a = prng.next();
            int s = prng.next();
            int b = (prng.next() >>> (s & 31)) | 1;
            int signedB = (s & 32) != 0 ? -b : b;
            h = fold(h, Integer.divideUnsigned(a, b), Integer.remainderUnsigned(a, b));
            h = fold(h, a / signedB, a % signedB);
        }
        return h;
    }

    private void wideMultiplyShift(int[] r) {
        int h = Fold.SEED;
        int g = Fold.SEED;
        for (int i = 0; i < 32; i++) {
            long a = (long) prng.next() << 32;
            a |= Integer.toUnsignedLong(prng.next());
            long b = (long) prng.next() << 32;
            b |= Integer.toUnsignedLong(prng.next());
            long p = a * b;
            h = fold(h, (int) p, (int) (p >>> 32));
            int n = 2 * i;
            long left = a << n;
            long right = a >>> n;
            long arithmetic = b >> n;
            g = fold(g, (int) left, (int) (left >>> 32), (int) right, (int) (right >>> 32),
                    (int) arithmetic, (int) (arithmetic >>> 32));
        }
        r[30] = h;
        r[31] = g;
    }

    private static int immediateForms() {
        int h = Fold.SEED;
        for (int f : FLAGS_IN) {
            int c = Thumb1Flags.carry(f);
            for (int i = 0; i < EDGE.length; i++) {
                int a = EDGE[i];
                int b = EDGE[(i + 3) & 7];
                int[][] outs = {
                    {a + 7, Thumb1Flags.addFlags(a, 7, 0)},
                    {a + 255, Thumb1Flags.addFlags(a, 255, 0)},
                    {a - 7, Thumb1Flags.subFlags(a, 7, 1)},
                    {a - 255, Thumb1Flags.subFlags(a, 255, 1)},
                    {a + b, Thumb1Flags.addFlags(a, b, 0)},
                    {a - b, Thumb1Flags.subFlags(a, b, 1)},
                    {200, Thumb1Flags.nz(200, f)},
                    {a, Thumb1Flags.subFlags(a, 200, 1)},
                    {2 * a + c, Thumb1Flags.addFlags(a, a, c)},
                    {c - 1, Thumb1Flags.subFlags(a, a, c)},
                    {a * a, Thumb1Flags.nz(a * a, f)},
                    {b, f},     // MOV low, low: no flags
                    {a + b, f}, // ADD low, low (T2 encoding): no flags
                };
                for (int[] out : outs) {
                    h = fold(h, out[0], out[1]);
                }
            }
        }
        return h;
    }

    private static int addressing() {
        ByteBuffer memory = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        int v = 0x80C1E2F3;
        memory.putInt(124, v).putShort(62, (short) v).put(31, (byte) v);
        int h = fold(Fold.SEED, memory.getInt(124), memory.getShort(62) & 0xFFFF, memory.get(31) & 0xFF,
                memory.getInt(124), memory.getShort(62), memory.get(31),
                memory.getShort(62) & 0xFFFF, memory.get(31) & 0xFF);
        memory.putInt(64, v).putShort(70, (short) v).put(75, (byte) v);
        for (int i = 0; i < 32; i++) {
            h = fold(h, memory.getInt(4 * i));
        }
        return h;
    }

    private static int highRegisters() {
        int h = Fold.SEED;
        int flagsIn = 0x90000000;
        for (int a : EDGE) {
            for (int b : EDGE) {
                int sum = a + b;
                h = fold(h, sum, flagsIn, Thumb1Flags.subFlags(sum, b, 1));
            }
        }
        return h;
    }
}
