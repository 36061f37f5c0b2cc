package io.probehost.flash;

import io.probehost.api.debug.DebugTarget;
import io.probehost.api.target.TargetDescription;
import io.probehost.flash.format.FirmwareImage;
import io.probehost.flash.internal.FlashJob;

/**
 * Programs, erases and verifies the flash of a connected target with the CMSIS flash algorithms of
 * its {@link TargetDescription}. Each call resets and halts the core, loads the algorithm and starts
 * with Init, so a call after a failed one starts over cleanly. Not thread-safe: one caller per target.
 */
public final class FlashLoader {
    private final DebugTarget target;
    private final TargetDescription description;

    public FlashLoader(DebugTarget target, TargetDescription description) {
        this.target = target;
        this.description = description;
    }

    /**
     * Refuses, without touching the target, an image with bytes outside the target's flash.
     *
     * @throws FlashException naming the address range that does not fit
     */
    public static void checkFits(FirmwareImage image, TargetDescription description) {
        FlashJob.checkFits(image, description);
    }

    /**
     * Writes {@code image}: sectors that already hold it are skipped, partly written sectors keep
     * their other bytes (per options), and what was written is read back.
     *
     * @throws FlashException                  the image does not fit (nothing erased), an algorithm call
     *                                         failed (naming function, address and return code), verify failed
     * @throws FlashInterruptedException       the probe was lost; names the sectors done
     */
    public FlashResult program(FirmwareImage image, FlashOptions options, FlashProgressListener listener) {
        return new FlashJob(target, description, listener).program(image, options);
    }

    /** Erases the sectors that {@code [address, address + length)} touches. */
    public FlashResult erase(long address, long length, FlashProgressListener listener) {
        return new FlashJob(target, description, listener).erase(address, length);
    }

    /** Erases all flash (EraseChip where the algorithm has it, else every sector). */
    public FlashResult eraseChip(FlashProgressListener listener) {
        return new FlashJob(target, description, listener).eraseChip();
    }

    /** Compares the flash with {@code image}; throws a {@link FlashException} naming the first difference. */
    public FlashResult verify(FirmwareImage image, FlashProgressListener listener) {
        return new FlashJob(target, description, listener).verify(image);
    }
}
