package io.probehost.sim.mcu;

/**
 * Something that answers bus accesses: the whole system bus as a bus master sees it, or one device
 * on it (then addresses are offsets from the device's base). Values are zero-extended to int;
 * multi-byte accesses are little-endian. Implementations are thread-safe: the CPU thread and a
 * debugger's access port use the same bus at once.
 */
public interface MemoryPort {

    int read(int address, AccessSize size) throws BusFault;

    void write(int address, AccessSize size, int value) throws BusFault;
}
