package io.probehost.driver.cmsisdap.internal;

/**
 * What DAP_Transfer and DAP_TransferBlock answer.
 *
 * @param executed     transfers completed successfully (a failed one is not counted)
 * @param lastResponse the LastResponse byte: ACK in bits 2:0, protocol error bit 3, mismatch bit 4
 * @param readData     one word per successful read, in request order
 */
record TransferReply(int executed, int lastResponse, int[] readData) {

    boolean isOk() {
        return lastResponse == TransferAck.OK.code();
    }
}
