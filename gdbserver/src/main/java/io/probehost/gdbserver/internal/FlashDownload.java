package io.probehost.gdbserver.internal;

import java.util.ArrayList;
import java.util.List;

import io.probehost.api.debug.DebugTarget;
import io.probehost.api.target.MemoryRegion;
import io.probehost.api.target.TargetDescription;
import io.probehost.flash.EraseMode;
import io.probehost.flash.FlashLoader;
import io.probehost.flash.FlashOptions;
import io.probehost.flash.FlashProgressListener;
import io.probehost.flash.FlashResult;
import io.probehost.flash.format.FirmwareImage;

/**
 * One GDB {@code load}: {@code vFlashErase} and {@code vFlashWrite} only collect, and
 * {@code vFlashDone} hands the whole image to the {@link FlashLoader}, which skips unchanged
 * sectors, double-buffers the pages and verifies what it wrote. Bytes of an erased block that
 * GDB does not write end up erased, as GDB expects.
 */
final class FlashDownload {
    private final List<long[]> erased = new ArrayList<>();
    private FirmwareImage.Builder image = FirmwareImage.builder("gdb load");

    /** {@code vFlashErase:addr,length}. */
    void erase(long address, long length) {
        erased.add(new long[] {address, length});
    }

    /** {@code vFlashWrite:addr:data}. */
    void write(long address, byte[] data) {
        image.add(address, data);
    }

    /**
     * {@code vFlashDone}: programs what was written and erases the blocks erased but not written;
     * leaves the core halted wherever the loader left it. Starts a new download afterwards.
     */
    FlashResult finish(DebugTarget target, TargetDescription description, FlashProgressListener progress) {
        FirmwareImage written = image.build();
        List<long[]> erasedOnly = new ArrayList<>(erased);
        image = FirmwareImage.builder("gdb load");
        erased.clear();
        FlashLoader loader = new FlashLoader(target, description);
        FlashResult result = new FlashResult(0, 0, 0, 0, 0, false);
        if (!written.isEmpty()) {
            FlashLoader.checkFits(written, description);
            result = loader.program(written, options(), progress);
        }
        for (long[] range : erasedOnly) {
            if (!written.intersects(range[0], range[0] + range[1])) {
                FlashResult erasedRange = loader.erase(range[0], range[1], progress);
                result = new FlashResult(result.sectorsErased() + erasedRange.sectorsErased(),
                        result.sectorsSkipped(), result.sectorsWritten(), result.bytesProgrammed(),
                        result.bytesVerified(), result.chipErased());
            }
        }
        return result;
    }

    /** What GDB's erase-then-write means: the unwritten bytes of a block are erased, nothing resets. */
    static FlashOptions options() {
        return FlashOptions.defaults().withErase(EraseMode.SECTOR).withKeepUnwritten(false).withResetAfter(false);
    }

    /** Whether {@code address} lies in a flash region of the target. */
    static boolean isFlash(TargetDescription description, long address) {
        return description.regionContaining(address).map(MemoryRegion::isFlash).orElse(false);
    }
}
