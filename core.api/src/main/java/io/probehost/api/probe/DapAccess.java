package io.probehost.api.probe;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * ADIv5 register access through a probe: DP and AP registers addressed by A[3:2] ({@code 0x0},
 * {@code 0x4}, {@code 0x8}, {@code 0xC}). SELECT is the debug-port layer's business, not the probe's.
 *
 * <p>Writes and queued reads may be batched; errors of a batched access surface at the next
 * {@link #flush()} or at the first {@link DapRead#get()} or {@link DapBlockRead#get()} of a later
 * read. A FAULT throws {@link io.probehost.api.TransferFaultException}, WAIT past the retry limit
 * {@link io.probehost.api.TransferTimeoutException}.
 */
@ConsumerType
public interface DapAccess extends ProbeCapability {

    /** A read that completes later. {@link #get()} flushes what is queued before it when needed. */
    @FunctionalInterface
    interface DapRead {
        int get();
    }

    /**
     * A block read that completes later. {@link #get()} flushes what is queued before it when needed
     * and returns the words read, in order; a failed access throws there, as {@link DapRead#get()} does.
     */
    @FunctionalInterface
    interface DapBlockRead {
        int[] get();
    }

    DapRead queueReadDp(int register);

    DapRead queueReadAp(int register);

    void writeDp(int register, int value);

    void writeAp(int register, int value);

    default int readDp(int register) {
        return queueReadDp(register).get();
    }

    default int readAp(int register) {
        return queueReadAp(register).get();
    }

    /** Reads the same AP register {@code count} times (a MEM-AP DRW burst). */
    int[] readApBlock(int register, int count);

    /**
     * Queues {@code count} reads of the same AP register (a MEM-AP DRW burst) so that they can share
     * packets with the accesses queued around them. This default reads at once through
     * {@link #readApBlock(int, int)}.
     */
    default DapBlockRead queueReadApBlock(int register, int count) {
        int[] values = readApBlock(register, count);
        return () -> values;
    }

    /** Writes the values to the same AP register in turn (a MEM-AP DRW burst). */
    void writeApBlock(int register, int[] values, int offset, int count);

    /** Sends whatever is queued and waits for every answer; throws the first error. */
    void flush();

    /** Writes the DP ABORT register, bypassing anything queued (DAP_WriteABORT). */
    void writeAbort(int value);
}
