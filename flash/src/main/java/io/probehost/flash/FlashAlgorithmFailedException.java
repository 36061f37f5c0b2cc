package io.probehost.flash;

/** A flash algorithm function returned non-zero, timed out or stopped somewhere else than its return trap. */
public class FlashAlgorithmFailedException extends FlashException {
    private static final long serialVersionUID = 1L;
    private final String function;
    private final long address;
    private final long returnCode;

    public FlashAlgorithmFailedException(String function, long address, long returnCode, String message) {
        super(message);
        this.function = function;
        this.address = address;
        this.returnCode = returnCode;
    }

    /** {@code Init}, {@code EraseSector}, {@code ProgramPage}, ... */
    public String function() {
        return function;
    }

    /** The sector or page address the call was for (the region start for Init and UnInit). */
    public long address() {
        return address;
    }

    /** The function's result (its return register) after the call; -1 when the call did not return. */
    public long returnCode() {
        return returnCode;
    }
}
