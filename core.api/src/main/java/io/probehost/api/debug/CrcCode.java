package io.probehost.api.debug;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The flash loader's CRC-32 routine (flash/src/main/c/sector_crc.c) built for the target's instruction
 * set, offered by the architecture as {@code capability(CrcCode.class)} so that the loader holds no
 * machine code of its own for it. The code is position independent with its entry at byte 0, has no
 * data, and is called through the {@link FunctionCaller} as
 * {@code u32 sector_crc(const u32 *ranges, u32 count, u32 *out, u32 *lut)}: {@code count} pairs
 * {address, length} at {@code ranges}, one CRC-32 (IEEE 802.3, as {@code java.util.zip.CRC32}) per pair
 * to {@code out}, {@code lut} 1 KiB of RAM for a byte table or 0 for a nibble table on the stack.
 */
@ProviderType
public interface CrcCode extends TargetCapability {

    /** The machine code, entry at byte 0. */
    byte[] code();
}
