package io.probehost.flash.format;

import io.probehost.api.target.FlashAlgorithm;
import io.probehost.flash.format.internal.FlmPlacement;

/**
 * A CMSIS flash algorithm as read from its .FLM file, not yet placed in target RAM.
 *
 * @param source      file name, for messages
 * @param device      the FlashDevice descriptor
 * @param image       PrgCode followed by PrgData, ZI zero-filled; position independent, linked at 0
 * @param dataOffset  offset of PrgData in {@code image}: the static base (R9) is code start + this
 * @param entryPoints function offsets in {@code image}
 */
public record FlmAlgorithm(String source, FlashDeviceInfo device, byte[] image, long dataOffset, FlmEntryPoints entryPoints) {

    /** Stack the placement reserves between the image and the page buffers (probe-rs' default). */
    public static final int STACK_SIZE = 512;
    /** pyOCD's trampoline: {@code BKPT #0} then {@code B .-2}, stored little-endian before the code. */
    public static final long TRAMPOLINE = 0xE7FDBE00L;

    public FlmAlgorithm {
        image = image.clone();
    }

    @Override
    public byte[] image() {
        return image.clone();
    }

    /**
     * Lays the algorithm out in {@code [ramStart, ramStart + ramSize)} as
     * {@code [trampoline][image][stack, 512 bytes][page buffer 1][page buffer 2]}: the blob is loaded
     * at {@code ramStart}, entry points are {@code ramStart + 4 + offset}, the stack top is where
     * the buffers begin, and a second page buffer (double buffering) is used only when it fits.
     *
     * @param name name regions use to refer to the algorithm
     * @throws ImageFormatException when the RAM cannot hold the image, stack and one page buffer
     */
    public FlashAlgorithm place(String name, long ramStart, long ramSize) {
        return FlmPlacement.place(this, name, ramStart, ramSize);
    }
}
