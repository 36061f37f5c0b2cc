package io.probehost.driver.cmsisdap.internal;

/** One DAP_TransferBlock packet of a longer burst; read data lands in the burst's result array. */
final class BlockPacket implements TransferPart {
    private final TransferBlockRequest request;
    private final int[] results;
    private final int resultOffset;

    /**
     * @param results      where read words go (null for a write)
     * @param resultOffset index in {@code results} of this packet's first word
     */
    BlockPacket(TransferBlockRequest request, int[] results, int resultOffset) {
        this.request = request;
        this.results = results;
        this.resultOffset = resultOffset;
    }

    @Override
    public TransferBlockRequest command() {
        return request;
    }

    @Override
    public RuntimeException complete(TransferReply reply) {
        if (results != null) {
            System.arraycopy(reply.readData(), 0, results, resultOffset, reply.readData().length);
        }
        int executed = Math.min(reply.executed(), request.count());
        if (!reply.isOk()) {
            int failed = Math.min(executed, request.count() - 1);
            return TransferErrors.forResponse(reply.lastResponse(), Transfer.describe(request.request())
                    + " (word " + (failed + 1) + " of " + request.count() + " in a DAP_TransferBlock)");
        }
        if (executed < request.count()) {
            return TransferErrors.stoppedWithoutError(CommandId.TRANSFER_BLOCK, executed, request.count());
        }
        return null;
    }

    @Override
    public boolean contains(PendingRead read) {
        return false;
    }

    @Override
    public void fail(RuntimeException cause) {
        // a burst's caller waits for every packet and sees the error itself
    }
}
