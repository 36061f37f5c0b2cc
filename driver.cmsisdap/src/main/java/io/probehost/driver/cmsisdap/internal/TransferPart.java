package io.probehost.driver.cmsisdap.internal;

/** One DAP_Transfer or DAP_TransferBlock packet: sent alone, or as a part of a {@link CommandBatch}. */
interface TransferPart extends InFlightPacket<TransferReply> {

    @Override
    TransferCommand command();

    /** Whether {@code read} waits for this packet's reply. */
    boolean contains(AwaitedResult read);
}
