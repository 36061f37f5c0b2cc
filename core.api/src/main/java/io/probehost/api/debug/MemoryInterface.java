package io.probehost.api.debug;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Target memory as one bus master sees it (a MEM-AP, a probe's memory engine, a RISC-V system bus).
 * Values are little-endian. Every method may throw
 * {@link io.probehost.api.TransferFaultException} naming the faulting address, and other
 * {@link io.probehost.api.TransferException}s for link problems.
 *
 * <p>Writes may be buffered: their errors can surface at a later access or at {@link #flush()}.
 */
@ProviderType
public interface MemoryInterface {

    int read8(long address);

    int read16(long address);

    int read32(long address);

    void write8(long address, int value);

    void write16(long address, int value);

    void write32(long address, int value);

    /** Reads {@code length} bytes of any alignment into {@code destination} at {@code offset}. */
    void read(long address, byte[] destination, int offset, int length);

    /** Writes {@code length} bytes of any alignment from {@code source} at {@code offset}. */
    void write(long address, byte[] source, int offset, int length);

    default byte[] read(long address, int length) {
        byte[] data = new byte[length];
        read(address, data, 0, length);
        return data;
    }

    default void write(long address, byte[] data) {
        write(address, data, 0, data.length);
    }

    /** Completes every buffered write; throws the first error among them. */
    void flush();
}
