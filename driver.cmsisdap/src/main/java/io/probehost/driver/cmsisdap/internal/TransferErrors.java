package io.probehost.driver.cmsisdap.internal;

import io.probehost.api.ProtocolException;
import io.probehost.api.TransferException;
import io.probehost.api.TransferFaultException;
import io.probehost.api.TransferTimeoutException;

/** Turns a failed DAP_Transfer / DAP_TransferBlock answer into the exception a caller sees. */
final class TransferErrors {

    private TransferErrors() {
    }

    /**
     * The exception for a LastResponse byte that is not plain OK.
     *
     * @param access the access that failed, such as {@code AP read 0xC}
     */
    static TransferException forResponse(int lastResponse, String access) {
        if ((lastResponse & TransferAck.PROTOCOL_ERROR) != 0) {
            return new ProtocolException("CMSIS-DAP transfer protocol error (SWD parity or invalid ACK) on " + access);
        }
        if ((lastResponse & TransferAck.VALUE_MISMATCH) != 0) {
            return new TransferException("CMSIS-DAP value-match read gave up on " + access);
        }
        int ack = lastResponse & 0x7;
        if (ack == TransferAck.WAIT.code()) {
            return new TransferTimeoutException(
                    "CMSIS-DAP transfer timed out: the target still answered WAIT to " + access + " after the probe's retries");
        }
        if (ack == TransferAck.FAULT.code()) {
            return new TransferFaultException("CMSIS-DAP transfer fault: the target answered FAULT to " + access);
        }
        if (ack == TransferAck.NO_ACK.code()) {
            return new TransferException("CMSIS-DAP transfer failed: no ACK from the target to " + access
                    + " (is it powered and wired?)");
        }
        return new ProtocolException(String.format("CMSIS-DAP protocol error: invalid ACK %d on %s", ack, access));
    }

    /** The probe stopped early yet said every access was OK. */
    static ProtocolException stoppedWithoutError(CommandId command, int executed, int count) {
        return new ProtocolException(String.format(
                "CMSIS-DAP protocol error: %s executed %d of %d transfers but reported OK", command, executed, count));
    }
}
