package io.probehost.flash.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;

import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.target.FlashAlgorithm;

/**
 * Computes CRC-32s of flash sectors or ranges on the target (pyOCD's "analyzer" idea), so that
 * unchanged sectors are recognised, and written ones verified (as SEGGER's tools do), with a few words
 * of traffic instead of reading them back. The code is
 * src/main/c/sector_crc.c built for Cortex-M0 (Thumb-1, so it runs on every Cortex-M); it is loaded
 * into the algorithm's first page buffer, with its table and results after it, and returns through
 * the algorithm's BKPT trampoline.
 */
final class SectorCrc {
    /** arm-none-eabi-gcc -mcpu=cortex-m0 -mthumb -Os of sector_crc.c, section .text (128 bytes). */
    static final byte[] CODE = HexFormat.of().parseHex(
            "f0b500241d4f93b0230004255e08b4460126334066465b423b40013d7340002df4d1a50002ae0134"
            + "ab51102cecd189005318019301235b429c460f27019b9a4202d1002013b0f0bd644605684668ae19"
            + "b54203d1e443083010c2efe72b7802a95c4023093c40a4006458013563401c093b409b005b585c40"
            + "eae7c0462083b8ed");
    private static final int CODE_ROOM = 0x80;
    private static final int BYTES_PER_RANGE = 12;

    private SectorCrc() {
    }

    /** How many sectors one call handles with this algorithm's first page buffer. */
    static int batchSize(FlashAlgorithm algorithm) {
        return (int) Math.max(0, (algorithm.pageSize() - CODE_ROOM) / BYTES_PER_RANGE);
    }

    static boolean fits(FlashAlgorithm algorithm) {
        return !algorithm.pageBuffers().isEmpty() && batchSize(algorithm) > 0;
    }

    /** A flash range whose CRC the target computes. */
    record Range(long address, int length) {
    }

    /** The CRC-32 of every sector's current content, computed on the target; the core must be halted. */
    static long[] onTarget(AlgorithmRunner runner, MemoryInterface memory, List<Sector> sectors) {
        return ofRanges(runner, memory, sectors.stream().map(s -> new Range(s.address, s.size())).toList());
    }

    /**
     * The CRC-32 of every range's current content, computed on the target; the core must be halted and
     * the algorithm loaded (the code returns through its BKPT trampoline).
     */
    static long[] ofRanges(AlgorithmRunner runner, MemoryInterface memory, List<Range> ranges) {
        FlashAlgorithm algorithm = runner.algorithm();
        long base = algorithm.pageBuffers().get(0);
        long table = base + CODE_ROOM;
        memory.write(base, CODE);
        long[] crcs = new long[ranges.size()];
        int batch = batchSize(algorithm);
        for (int first = 0; first < ranges.size(); first += batch) {
            int count = Math.min(batch, ranges.size() - first);
            ByteBuffer pairs = ByteBuffer.allocate(count * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < count; i++) {
                Range range = ranges.get(first + i);
                pairs.putInt((int) range.address()).putInt(range.length());
            }
            long out = table + count * 8L;
            memory.write(table, pairs.array());
            memory.flush();
            runner.start("sector CRC", base | 1, ranges.get(first).address(), table, count, out);
            runner.await(Duration.ofSeconds(30));
            ByteBuffer results = ByteBuffer.wrap(memory.read(out, count * 4)).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < count; i++) {
                crcs[first + i] = results.getInt() & 0xFFFF_FFFFL;
            }
        }
        return crcs;
    }

    static long of(byte[] data) {
        return of(data, 0, data.length);
    }

    static long of(byte[] data, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(data, offset, length);
        return crc.getValue();
    }
}
