package io.probehost.flash.format;

import java.util.OptionalLong;

/**
 * An {@code <algorithm>} of a CMSIS-Pack device: which FLM programs which address range.
 *
 * @param file      path of the .FLM inside the pack, with '/' separators
 * @param start     first address the algorithm programs
 * @param size      size of that range
 * @param ramStart  {@code RAMstart}, where the algorithm runs; empty = the first default RAM
 * @param ramSize   {@code RAMsize}
 * @param isDefault {@code default}
 * @param style     {@code Keil} (default), {@code IAR} or {@code CMSIS}
 * @param pname     core that runs it, empty for any
 */
public record PdscAlgorithm(String file, long start, long size, OptionalLong ramStart, OptionalLong ramSize, boolean isDefault,
        String style, String pname) {
}
