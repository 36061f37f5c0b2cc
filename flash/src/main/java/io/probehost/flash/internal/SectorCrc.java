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
 * of traffic instead of reading them back. The code is src/main/c/sector_crc.c built for the target:
 * the architecture's build when it offers one ({@link io.probehost.api.debug.CrcCode}), else the
 * Cortex-M0 build here (Thumb-1, so it runs on every Cortex-M); it is loaded
 * into the algorithm's first page buffer, with its table and results after it, and returns through
 * the algorithm's BKPT trampoline. It builds a 256-entry byte table in the second page buffer (or at
 * the end of the first when the page is big enough) and falls back to a nibble table without room.
 */
final class SectorCrc {
    /** arm-none-eabi-gcc -mcpu=cortex-m0 -mthumb -Os of sector_crc.c, section .text (352 bytes). */
    static final byte[] CODE = HexFormat.of().parseHex(
            "f0b595b0029003910092002b3ed00022082680201a60514a41000191002185005d198f00bc466446"
            + "df5957402f51019c0919ff29f5d9012451082240474c52422240013e4a404008002ee5d1ff20039a"
            + "009992008a18029d0192019a0099914217d1002015b0f0bd56083c4c2a4052422240013872400028"
            + "f6d1880004ac013102511029e2d00a000420ede719000125f9e7012229686e680f278e195242002b"
            + "58d08e4202d0032421420dd10324771aa743cf198f4210d1be4225d1d2430099083504c10091c8e7"
            + "0f78140a57400740bf00fa5801316240e3e710c96240140a02409200d2586240140a02409200d258"
            + "6240140a02409200d2586240140a02409200d2586240d5e7110a8c4639780137514001408900ca58"
            + "61464a40cce70c78013162401409a44640243a409200121904ac12196446403a126862401409a446"
            + "40243a409200121904ac12196446403a126862408e42e2d1b0e7c0462083b8ed");
    /** Room for the largest build: 352 bytes of Thumb-1, 434 of RV32IMAC. */
    static final int CODE_ROOM = 0x1C0;
    /** The 256-entry byte table the code builds when the host gives it room; without, it uses nibbles. */
    private static final int BYTE_TABLE_SIZE = 0x400;
    private static final int BYTES_PER_RANGE = 12;

    private SectorCrc() {
    }

    /** How many sectors one call handles with this algorithm's first page buffer. */
    static int batchSize(FlashAlgorithm algorithm) {
        long room = algorithm.pageSize() - CODE_ROOM - (byteTableInFirstBuffer(algorithm) ? BYTE_TABLE_SIZE : 0);
        return (int) Math.max(0, room / BYTES_PER_RANGE);
    }

    /**
     * Where the code builds its byte table: the second page buffer when there is one, else the end of the
     * first if the page leaves room for it and a range; 0 (the nibble table) otherwise.
     */
    static long byteTable(FlashAlgorithm algorithm) {
        List<Long> buffers = algorithm.pageBuffers();
        if (byteTableInSecondBuffer(algorithm)) {
            return buffers.get(1);
        }
        if (byteTableInFirstBuffer(algorithm)) {
            return buffers.get(0) + algorithm.pageSize() - BYTE_TABLE_SIZE;
        }
        return 0;
    }

    private static boolean byteTableInSecondBuffer(FlashAlgorithm algorithm) {
        return algorithm.pageBuffers().size() > 1 && algorithm.pageSize() >= BYTE_TABLE_SIZE;
    }

    private static boolean byteTableInFirstBuffer(FlashAlgorithm algorithm) {
        return !byteTableInSecondBuffer(algorithm)
                && algorithm.pageSize() >= CODE_ROOM + BYTES_PER_RANGE + BYTE_TABLE_SIZE;
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
        long byteTable = byteTable(algorithm);
        byte[] code = runner.crcCode();
        if (code.length > CODE_ROOM) {
            throw new IllegalStateException("the sector CRC code (" + code.length + " bytes) exceeds its room");
        }
        memory.write(base, code);
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
            runner.start("sector CRC", base, ranges.get(first).address(), table, count, out, byteTable);
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
