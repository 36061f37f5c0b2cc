package io.probehost.flash.format.debug;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The target memory an unwinder reads saved registers and exception frames from. An implementation
 * throws (any runtime exception, typically a {@code ProbeException}) when it cannot read; the
 * unwinder then ends the trace there and says why.
 */
@ConsumerType
@FunctionalInterface
public interface TargetMemory {

    /** The little-endian 32-bit word at {@code address} (4-aligned in practice). */
    long read32(long address);

    /** The 16-bit halfword at an even {@code address}, from {@link #read32}. */
    default int read16(long address) {
        long word = read32(address & ~3L);
        return (int) ((address & 2) == 0 ? word & 0xFFFF : (word >>> 16) & 0xFFFF);
    }
}
