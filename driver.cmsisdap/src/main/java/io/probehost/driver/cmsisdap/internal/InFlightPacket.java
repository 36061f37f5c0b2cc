package io.probehost.driver.cmsisdap.internal;

/**
 * A packet sent to the probe whose reply has not been read yet.
 *
 * @param <R> what its reply means
 */
interface InFlightPacket<R> {

    DapCommand<R> command();

    /**
     * Hands the reply's data to the reads it belongs to. Returns the error of the access that
     * failed, with the reads from it onwards failed, or null when every access succeeded.
     */
    RuntimeException complete(R reply);

    /** Fails every read of this packet that has no value yet. */
    void fail(RuntimeException cause);
}
