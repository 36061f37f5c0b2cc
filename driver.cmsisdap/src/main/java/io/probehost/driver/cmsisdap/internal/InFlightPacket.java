package io.probehost.driver.cmsisdap.internal;

/** A transfer packet sent to the probe whose reply has not been read yet. */
interface InFlightPacket {

    DapCommand<TransferReply> command();

    /**
     * Hands the reply's data to the reads it belongs to. Returns the error of the access that
     * failed, with the reads from it onwards failed, or null when every access succeeded.
     */
    RuntimeException complete(TransferReply reply);

    /** Fails every read of this packet that has no value yet. */
    void fail(RuntimeException cause);
}
