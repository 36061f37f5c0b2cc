package io.probehost.flash.format;

import io.probehost.api.target.MemoryRegion;

/**
 * The part of a firmware image that falls inside one memory region.
 *
 * @param region the region (flash regions are programmed by their algorithm, RAM by memory writes)
 * @param image  the bytes inside the region only
 */
public record RegionImage(MemoryRegion region, FirmwareImage image) {
}
