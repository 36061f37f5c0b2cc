package io.probehost.flash.format;

/**
 * A run of equally sized sectors from a CMSIS FlashDevice sector table; it extends to the next
 * group's offset, the last one to the end of the device.
 *
 * @param size   bytes per sector
 * @param offset first sector's address relative to the device start
 */
public record SectorGroup(long size, long offset) {
}
