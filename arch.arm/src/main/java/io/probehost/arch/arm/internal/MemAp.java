package io.probehost.arch.arm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.probehost.api.TransferException;
import io.probehost.api.TransferFaultException;
import io.probehost.api.debug.MemoryInterface;
import io.probehost.api.probe.DapAccess;

/**
 * Memory through an ADIv5 MEM-AP: CSW cached, TAR written per access, byte and halfword data on
 * the lanes TAR[1:0] selects, word bursts through DRW that never cross a 1 KiB TAR boundary. A
 * {@link BankedBlock} reaches the four words of one 16-byte block through BD0-BD3 and writes TAR
 * only when another access moved it.
 */
public final class MemAp implements MemoryInterface {
    /** Auto-increment is only guaranteed inside an aligned 1 KiB block (ADIv5 TAR[9:0]). */
    static final int AUTO_INCREMENT_BLOCK = 0x400;
    private static final long MAX_ADDRESS = 0xFFFF_FFFFL;

    private final DebugPort dp;
    private final int ap;
    private final int cswBase;
    /** The probe's own memory engine, used for every memory access when the probe has one; else null. */
    private final EngineMemory engine;
    private static final long NONE = -1;

    private int csw;
    private boolean cswKnown;
    /** Counts TAR writes; a {@link BankedBlock} whose TAR write is no longer the last one writes it again. */
    private long tarWrites;
    /** Address of the first write since the last flush, to name it when a batched write faults. */
    private long firstUnflushedWrite = NONE;

    /** Reads CSW once and keeps its implementation-defined bits for every later CSW write. */
    public MemAp(DebugPort dp, int ap, boolean ahb) {
        this.dp = dp;
        this.ap = ap;
        int original = dp.readAp(ap, ApRegister.CSW);
        int base = original & ~(ApRegister.CSW_SIZE_MASK | ApRegister.CSW_ADDRINC_MASK
                | ApRegister.CSW_DEVICE_EN | ApRegister.CSW_TR_IN_PROG);
        this.cswBase = ahb ? base | ApRegister.CSW_AHB_PRIVILEGED_DEBUG : base;
        this.engine = dp.memoryEngine().map(memory -> new EngineMemory(memory, ap)).orElse(null);
    }

    /**
     * An access through the engine moves TAR and CSW behind this class's back: both are forgotten,
     * so that a {@link BankedBlock} writes TAR again.
     */
    private EngineMemory engine() {
        if (engine != null) {
            cswKnown = false;
            tarWrites++;
        }
        return engine;
    }

    public int apIndex() {
        return ap;
    }

    /** The MEM-AP BASE register: where its ROM table is. */
    public int readBase() {
        return dp.readAp(ap, ApRegister.BASE);
    }

    /** Forgets the cached CSW, after a reset or a link error. */
    public void invalidateCache() {
        cswKnown = false;
    }

    @Override
    public int read8(long address) {
        if (engine() != null) {
            checkRange(address, 1);
            return engine.readValue(address, 1);
        }
        return readSingle(address, MemApSize.BYTE);
    }

    @Override
    public int read16(long address) {
        if (engine() != null) {
            checkRange(address, 2);
            return engine.readValue(address, 2);
        }
        if ((address & 1) != 0) {
            byte[] bytes = read(address, 2);
            return (bytes[0] & 0xFF) | (bytes[1] & 0xFF) << 8;
        }
        return readSingle(address, MemApSize.HALFWORD);
    }

    @Override
    public int read32(long address) {
        if (engine() != null) {
            checkRange(address, 4);
            return engine.readValue(address, 4);
        }
        if ((address & 3) != 0) {
            return LittleEndian.getInt(read(address, 4), 0);
        }
        return readSingle(address, MemApSize.WORD);
    }

    /**
     * Queues an aligned 32-bit read so that several can travel in one probe batch; the value and any
     * fault (naming {@code address}) come from the returned read.
     */
    public DapAccess.DapRead queueRead32(long address) {
        checkRange(address, 4);
        if ((address & 3) != 0) {
            throw new IllegalArgumentException(String.format("queued 32-bit read at 0x%08X is not aligned", address));
        }
        if (engine() != null) {
            int value = engine.readValue(address, 4);
            return () -> value;
        }
        DapAccess.DapRead queued = transact(address, "32-bit read", () -> {
            selectTransfer(address, MemApSize.WORD);
            return dp.queueReadAp(ap, ApRegister.DRW);
        });
        return () -> transact(address, "32-bit read", queued::get);
    }

    @Override
    public void write8(long address, int value) {
        if (engine() != null) {
            checkRange(address, 1);
            engine.writeValue(address, 1, value);
            return;
        }
        writeSingle(address, MemApSize.BYTE, value & 0xFF);
    }

    @Override
    public void write16(long address, int value) {
        if (engine() != null) {
            checkRange(address, 2);
            engine.writeValue(address, 2, value);
            return;
        }
        if ((address & 1) != 0) {
            write(address, new byte[] {(byte) value, (byte) (value >>> 8)});
            return;
        }
        writeSingle(address, MemApSize.HALFWORD, value & 0xFFFF);
    }

    @Override
    public void write32(long address, int value) {
        if (engine() != null) {
            checkRange(address, 4);
            engine.writeValue(address, 4, value);
            return;
        }
        if ((address & 3) != 0) {
            byte[] bytes = new byte[4];
            LittleEndian.putInt(bytes, 0, value);
            write(address, bytes);
            return;
        }
        writeSingle(address, MemApSize.WORD, value);
    }

    /**
     * Queues the TAR write and DRW burst of every 1 KiB block first and collects the words after, so
     * that a probe can stream them without a round trip per block.
     */
    @Override
    public void read(long address, byte[] destination, int offset, int length) {
        checkRange(address, length);
        if (engine() != null) {
            engine.read(address, destination, offset, length);
            return;
        }
        List<QueuedBurst> bursts = new ArrayList<>();
        walk(address, offset, length,
                (at, position, words) -> bursts.add(queueWords(at, position, words, bursts)),
                (at, position, size) -> {
                    // a fault of a queued burst must name that burst, not this access
                    collect(bursts, destination);
                    int value = readSingle(at, size);
                    for (int i = 0; i < size.bytes; i++) {
                        destination[position + i] = (byte) (value >>> (8 * i));
                    }
                });
        collect(bursts, destination);
    }

    @Override
    public void write(long address, byte[] source, int offset, int length) {
        checkRange(address, length);
        if (engine() != null) {
            engine.write(address, source, offset, length);
            return;
        }
        walk(address, offset, length,
                (at, position, words) -> writeWords(at, source, position, words),
                (at, position, size) -> {
                    int value = 0;
                    for (int i = 0; i < size.bytes; i++) {
                        value |= (source[position + i] & 0xFF) << (8 * i);
                    }
                    writeSingle(at, size, value);
                });
        try {
            dp.flush();
            firstUnflushedWrite = NONE;
        } catch (TransferFaultException fault) {
            cswKnown = false;
            firstUnflushedWrite = NONE;
            throw fault.at(address, "write of " + length + " bytes");
        }
    }

    /** A fault found here names the first write queued since the last flush (the probe may batch them). */
    @Override
    public void flush() {
        long firstWrite = firstUnflushedWrite;
        firstUnflushedWrite = NONE;
        try {
            dp.flush();
        } catch (TransferFaultException fault) {
            cswKnown = false;
            throw firstWrite == NONE ? fault : fault.at(firstWrite, "queued write");
        } catch (TransferException failed) {
            cswKnown = false;
            throw failed;
        }
    }

    private void noteWrite(long address) {
        if (firstUnflushedWrite == NONE) {
            firstUnflushedWrite = address;
        }
    }

    /** A run of whole words from a word-aligned address, within one 1 KiB block. */
    private interface WordRun {
        void access(long address, int position, int words);
    }

    /** One byte or halfword access. */
    private interface SingleAccess {
        void access(long address, int position, MemApSize size);
    }

    /**
     * Splits {@code length} bytes at {@code address} (at {@code offset} in the caller's buffer) into
     * word runs that stay within 1 KiB blocks and the byte and halfword accesses around them, in order.
     */
    private static void walk(long address, int offset, int length, WordRun wordRun, SingleAccess single) {
        long at = address;
        int position = offset;
        int remaining = length;
        while (remaining > 0) {
            MemApSize size = unitFor(at, remaining);
            int bytes;
            if (size == MemApSize.WORD) {
                int words = wordsInBurst(at, remaining);
                wordRun.access(at, position, words);
                bytes = words * 4;
            } else {
                single.access(at, position, size);
                bytes = size.bytes;
            }
            at += bytes;
            position += bytes;
            remaining -= bytes;
        }
    }

    /** The widest access that is aligned at {@code address} and fits in what is left. */
    private static MemApSize unitFor(long address, int remaining) {
        if ((address & 3) == 0 && remaining >= 4) {
            return MemApSize.WORD;
        }
        if ((address & 1) == 0 && remaining >= 2) {
            return MemApSize.HALFWORD;
        }
        return MemApSize.BYTE;
    }

    /** Whole words from a word-aligned address up to the next 1 KiB boundary. */
    private static int wordsInBurst(long address, int remaining) {
        int untilBoundary = AUTO_INCREMENT_BLOCK - (int) (address & (AUTO_INCREMENT_BLOCK - 1));
        return Math.min(remaining, untilBoundary) / 4;
    }

    private int readSingle(long address, MemApSize size) {
        checkRange(address, size.bytes);
        return transact(address, size.describe() + " read", () -> {
            selectTransfer(address, size);
            int data = dp.readAp(ap, ApRegister.DRW);
            firstUnflushedWrite = NONE;
            int lane = (int) (address & 3);
            int value = data >>> (8 * lane);
            return size == MemApSize.WORD ? value : value & ((1 << (8 * size.bytes)) - 1);
        });
    }

    private void writeSingle(long address, MemApSize size, int value) {
        checkRange(address, size.bytes);
        transactRun(address, size.describe() + " write", () -> {
            selectTransfer(address, size);
            dp.writeAp(ap, ApRegister.DRW, size == MemApSize.WORD ? value : value << (8 * (int) (address & 3)));
            noteWrite(address);
        });
    }

    /** A DRW burst queued for {@code words} words at {@code address}, bound for {@code position}. */
    private record QueuedBurst(long address, int position, int words, DapAccess.DapBlockRead read) {

        String describe() {
            return describe(words);
        }

        static String describe(int words) {
            return "block read of " + words + " words";
        }
    }

    private QueuedBurst queueWords(long address, int position, int words, List<QueuedBurst> earlier) {
        try {
            selectTransfer(address, MemApSize.WORD);
            return new QueuedBurst(address, position, words, dp.queueReadApBlock(ap, ApRegister.DRW, words));
        } catch (TransferFaultException fault) {
            cswKnown = false;
            // queuing may find the fault of a burst queued before this one (the probe's replies arrive late)
            QueuedBurst culprit = firstFailed(earlier);
            earlier.clear();
            if (culprit != null) {
                throw fault.at(culprit.address(), culprit.describe());
            }
            throw fault.at(address, QueuedBurst.describe(words));
        } catch (TransferException failed) {
            cswKnown = false;
            earlier.clear();
            throw failed;
        }
    }

    /** The first burst whose read fails, or null; the error itself was already thrown once. */
    private static QueuedBurst firstFailed(List<QueuedBurst> bursts) {
        for (QueuedBurst burst : bursts) {
            try {
                burst.read().get();
            } catch (TransferException failed) {
                return burst;
            }
        }
        return null;
    }

    /** Collects the queued bursts in order into {@code destination}; a fault names its burst. */
    private void collect(List<QueuedBurst> bursts, byte[] destination) {
        try {
            for (QueuedBurst burst : bursts) {
                int[] values = transact(burst.address(), burst.describe(), () -> burst.read().get());
                for (int i = 0; i < burst.words(); i++) {
                    LittleEndian.putInt(destination, burst.position() + 4 * i, values[i]);
                }
            }
        } finally {
            bursts.clear();
        }
    }

    private void writeWords(long address, byte[] source, int position, int words) {
        int[] values = new int[words];
        for (int i = 0; i < words; i++) {
            values[i] = LittleEndian.getInt(source, position + 4 * i);
        }
        transactRun(address, "block write of " + words + " words", () -> {
            selectTransfer(address, MemApSize.WORD);
            dp.writeApBlock(ap, ApRegister.DRW, values, 0, words);
            noteWrite(address);
        });
    }

    /**
     * Runs one MEM-AP transaction: any link error leaves the cached CSW unknown, and a fault is
     * reported as {@code access} at {@code address}.
     */
    private <T> T transact(long address, String access, Supplier<T> transaction) {
        try {
            return transaction.get();
        } catch (TransferFaultException fault) {
            cswKnown = false;
            throw fault.at(address, access);
        } catch (TransferException failed) {
            cswKnown = false;
            throw failed;
        }
    }

    private void transactRun(long address, String access, Runnable transaction) {
        transact(address, access, () -> {
            transaction.run();
            return null;
        });
    }

    private void selectTransfer(long address, MemApSize size) {
        int wanted = cswBase | size.code | ApRegister.CSW_ADDRINC_SINGLE;
        if (!cswKnown || csw != wanted) {
            dp.writeAp(ap, ApRegister.CSW, wanted);
            csw = wanted;
            cswKnown = true;
        }
        dp.writeAp(ap, ApRegister.TAR, (int) address);
        tarWrites++;
    }

    /**
     * The four words of the aligned 16-byte block at {@code block} through the banked data registers
     * BD0-BD3: one TAR write serves every access to the block (DHCSR, DCRSR, DCRDR and DEMCR share
     * one), and the accesses queue like the others. Any other access through this MEM-AP moves TAR;
     * the block then writes it again before its next access.
     */
    public BankedBlock bankedBlock(long block) {
        checkRange(block, 16);
        if ((block & 0xF) != 0) {
            throw new IllegalArgumentException(String.format("banked block at 0x%08X is not 16-byte aligned", block));
        }
        return new BankedBlock(block);
    }

    /** Word accesses within one 16-byte block through BD0-BD3; see {@link #bankedBlock(long)}. */
    public final class BankedBlock {
        private final long block;
        private long tarWrite = -1;

        private BankedBlock(long block) {
            this.block = block;
        }

        public void write32(long address, int value) {
            int register = register(address);
            transactRun(address, "32-bit write", () -> {
                select();
                dp.writeAp(ap, register, value);
                noteWrite(address);
            });
        }

        /** Queues a 32-bit read; its value and any fault (naming {@code address}) come from the returned read. */
        public DapAccess.DapRead queueRead32(long address) {
            int register = register(address);
            DapAccess.DapRead queued = transact(address, "32-bit read", () -> {
                select();
                return dp.queueReadAp(ap, register);
            });
            return () -> transact(address, "32-bit read", queued::get);
        }

        private int register(long address) {
            if ((address & ~0xFL) != block || (address & 3) != 0) {
                throw new IllegalArgumentException(String.format("0x%08X is not a word of the banked block at 0x%08X",
                        address, block));
            }
            return ApRegister.BD0 + (int) (address & 0xC);
        }

        /** TAR and a word-sized CSW, written again whenever another access or a link error may have changed them. */
        private void select() {
            int wanted = cswBase | MemApSize.WORD.code | ApRegister.CSW_ADDRINC_SINGLE;
            if (!cswKnown || csw != wanted || tarWrite != tarWrites) {
                selectTransfer(block, MemApSize.WORD);
                tarWrite = tarWrites;
            }
        }
    }

    private static void checkRange(long address, int length) {
        if (length < 0 || address < 0 || address + length - 1 > MAX_ADDRESS) {
            throw new IllegalArgumentException(String.format(
                    "%d bytes at 0x%X do not fit the 32-bit MEM-AP address space", length, address));
        }
    }
}
