package io.probehost.driver.stlink.internal;

import io.probehost.api.ProbeException;
import io.probehost.api.ProtocolException;
import io.probehost.api.TransferException;
import io.probehost.api.TransferFaultException;
import io.probehost.api.TransferTimeoutException;

/** Turns a failed ST-Link status into the exception of its kind. */
final class StlinkErrors {

    private StlinkErrors() {
    }

    /**
     * @param version the probe's firmware, for the BAD_AP hint (recent firmware answers BAD_AP to
     *                any target that is not an STM32)
     */
    static ProbeException of(StlinkStatus status, String command, StlinkVersion version) {
        String what = "ST-Link " + command + " failed: " + status;
        if (status.isWait()) {
            return new TransferTimeoutException(what + "; the target kept answering WAIT");
        }
        if (status.isFault()) {
            return new TransferFaultException(what);
        }
        switch (status) {
            case SWD_AP_PARITY_ERROR:
            case SWD_DP_PARITY_ERROR:
                return new ProtocolException(what);
            case SWD_AP_ERROR:
            case SWD_DP_ERROR:
            case SWD_AP_STICKYORUN_ERROR:
            case ALIGNMENT_ERROR:
            case WRITE_ERROR:
            case WRITE_VERIF_ERROR:
                return new TransferException(what);
            case BAD_AP:
                return new TransferException(what + (version != null && version.restrictsToStm32()
                        ? "; firmware " + version.display() + " only lets the ST-Link talk to STM32 targets: "
                                + "use an STM32 target, or another probe for other targets"
                        : ""));
            case NO_DEVICE_CONNECTED:
            case GET_IDCODE_ERROR:
            case UNKNOWN_JTAG_CHAIN:
                return new TransferException(what + "; check the target's power and the SWD/JTAG wiring");
            default:
                return new ProbeException(what);
        }
    }
}
