package io.probehost.driver.cmsisdap.internal;

/** One DAP_TransferBlock packet of a longer burst; read data goes to the burst's pending read. */
final class BlockPacket implements TransferPart {
    private final TransferBlockRequest request;
    private final PendingBlockRead read;
    private final int resultOffset;

    /**
     * @param read         where read words go (null for a write)
     * @param resultOffset index in the burst of this packet's first word
     */
    BlockPacket(TransferBlockRequest request, PendingBlockRead read, int resultOffset) {
        this.request = request;
        this.read = read;
        this.resultOffset = resultOffset;
    }

    @Override
    public TransferBlockRequest command() {
        return request;
    }

    @Override
    public RuntimeException complete(TransferReply reply) {
        if (read != null) {
            read.answer(resultOffset, reply.readData());
        }
        int executed = Math.min(reply.executed(), request.count());
        RuntimeException error = null;
        if (!reply.isOk()) {
            int failed = Math.min(executed, request.count() - 1);
            error = TransferErrors.forResponse(reply.lastResponse(), Transfer.describe(request.request())
                    + " (word " + (failed + 1) + " of " + request.count() + " in a DAP_TransferBlock)");
        } else if (executed < request.count()) {
            error = TransferErrors.stoppedWithoutError(CommandId.TRANSFER_BLOCK, executed, request.count());
        }
        if (error != null) {
            fail(error);
        }
        return error;
    }

    @Override
    public boolean contains(AwaitedResult awaited) {
        return read != null && read == awaited;
    }

    @Override
    public void fail(RuntimeException cause) {
        if (read != null) {
            read.fail(cause);
        }
    }
}
