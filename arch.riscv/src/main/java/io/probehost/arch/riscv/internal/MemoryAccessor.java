package io.probehost.arch.riscv.internal;

/**
 * Reads and writes runs of equal-sized, naturally aligned elements of memory on a halted hart: one
 * way a Debug Module reaches memory (Access Memory commands, the program buffer).
 */
interface MemoryAccessor {

    /** {@code count} elements of {@code width} bytes (1, 2 or 4) from {@code address} on. */
    int[] read(long address, int width, int count);

    /** {@code values.length} elements of {@code width} bytes from {@code address} on. */
    void write(long address, int width, int[] values);

    /** One batch of a transfer: {@code count} elements from element {@code first} on, at {@code address}. */
    interface Batch {
        void run(int first, int count, long address);
    }

    /** Cuts {@code total} elements of {@code width} bytes from {@code address} into batches of at most {@code perBatch}. */
    static void inBatches(long address, int width, int total, int perBatch, Batch batch) {
        for (int first = 0; first < total; first += perBatch) {
            batch.run(first, Math.min(perBatch, total - first), address + (long) first * width);
        }
    }
}
