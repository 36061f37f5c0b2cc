package io.probehost.driver.cmsisdap.internal;

/** DAP_Transfer or DAP_TransferBlock: the commands a DAP_ExecuteCommands packet may carry. */
interface TransferCommand extends DapCommand<TransferReply> {

    /** The accesses asked for; a reply that executed fewer failed or stopped early. */
    int count();

    /** Request size, ID byte included. */
    int requestBytes();

    /** Reply size when every access succeeds, ID byte included. */
    int replyBytes();
}
