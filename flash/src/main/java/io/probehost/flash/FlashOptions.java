package io.probehost.flash;

/**
 * How {@link FlashLoader#program} works.
 *
 * @param erase         chip, sector or automatic erase
 * @param verify        read every written sector back and compare
 * @param skipUnchanged leave sectors whose content already matches untouched
 * @param keepUnwritten keep the old bytes of partly written sectors (read back before erase); when
 *                      false they become the erased value
 * @param doubleBuffer  overlap page transfers with ProgramPage when the algorithm has two buffers
 * @param resetAfter    reset the target and let it run when done
 */
public record FlashOptions(EraseMode erase, boolean verify, boolean skipUnchanged, boolean keepUnwritten,
        boolean doubleBuffer, boolean resetAfter) {

    /** The option name of {@link #keepUnwritten} ({@code -O flash.keep_unwritten=false}). */
    public static final String KEEP_UNWRITTEN_OPTION = "flash.keep_unwritten";

    public static FlashOptions defaults() {
        return new FlashOptions(EraseMode.AUTO, true, true, true, true, true);
    }

    public FlashOptions withErase(EraseMode mode) {
        return new FlashOptions(mode, verify, skipUnchanged, keepUnwritten, doubleBuffer, resetAfter);
    }

    public FlashOptions withVerify(boolean value) {
        return new FlashOptions(erase, value, skipUnchanged, keepUnwritten, doubleBuffer, resetAfter);
    }

    public FlashOptions withSkipUnchanged(boolean value) {
        return new FlashOptions(erase, verify, value, keepUnwritten, doubleBuffer, resetAfter);
    }

    public FlashOptions withKeepUnwritten(boolean value) {
        return new FlashOptions(erase, verify, skipUnchanged, value, doubleBuffer, resetAfter);
    }

    public FlashOptions withDoubleBuffer(boolean value) {
        return new FlashOptions(erase, verify, skipUnchanged, keepUnwritten, value, resetAfter);
    }

    public FlashOptions withResetAfter(boolean value) {
        return new FlashOptions(erase, verify, skipUnchanged, keepUnwritten, doubleBuffer, value);
    }
}
