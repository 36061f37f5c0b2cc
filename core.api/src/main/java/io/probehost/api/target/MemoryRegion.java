package io.probehost.api.target;

/**
 * A region of the target's memory map.
 *
 * @param kind        RAM, FLASH or ROM
 * @param name        region name, such as {@code flash} or {@code uicr}
 * @param start       first address
 * @param length      size in bytes
 * @param sectorSize  erase sector size for flash, 0 otherwise
 * @param pageSize    program page size for flash, 0 otherwise
 * @param bootMemory  whether the core boots from this region
 * @param algorithm   name of the flash algorithm that programs it; empty for RAM
 */
public record MemoryRegion(Kind kind, String name, long start, long length, long sectorSize, long pageSize,
        boolean bootMemory, String algorithm) {

    public enum Kind { RAM, FLASH, ROM }

    public MemoryRegion {
        algorithm = algorithm == null ? "" : algorithm;
    }

    public long end() {
        return start + length;
    }

    public boolean contains(long address) {
        return address >= start && address < end();
    }

    public boolean isFlash() {
        return kind == Kind.FLASH;
    }
}
