package io.probehost.sim.mcu.bus;

import io.probehost.sim.mcu.MemoryPort;

/**
 * A device whose reads are plain little-endian loads from a byte array whenever it is at rest, so
 * that a bus master may read the array itself instead of calling {@link #read} (see
 * {@link SystemBus#directRegions()}), and may keep decoded instructions beside it in its
 * {@link DecodeTable}.
 */
public interface DirectMemory extends MemoryPort {

    /**
     * The array {@link #read} answers from (offset 0 at the device's base) while a read has no
     * effect beyond returning those bytes; null while it has one, such as waiting for a flash
     * operation to end.
     */
    byte[] directBytes();

    /** Whether {@link #write} only stores into {@link #directBytes()} (RAM), never anything else (flash). */
    boolean writesDirectly();

    /**
     * The decode table of the array {@link #directBytes()} returns: one per array, the same for every
     * mapping of it; whoever changes the array marks it.
     */
    DecodeTable decodeTable();
}
