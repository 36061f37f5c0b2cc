package io.probehost.flash.format;

import java.util.OptionalLong;

/**
 * A {@code <processor>} of a CMSIS-Pack device, with attributes accumulated down the family tree.
 *
 * @param pname  core id on multi-core devices; empty on single-core devices
 * @param core   {@code Dcore}, such as {@code Cortex-M4}
 * @param fpu    {@code Dfpu}, empty when not given
 * @param mpu    {@code Dmpu}, empty when not given
 * @param endian {@code Dendian}, {@code Little-endian} when not given
 * @param clock  {@code Dclock} in Hz
 */
public record PdscProcessor(String pname, String core, String fpu, String mpu, String endian, OptionalLong clock) {
}
