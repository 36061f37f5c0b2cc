package io.probehost.driver.pemicro.internal;

import io.probehost.api.ProbeException;
import io.probehost.api.TransferException;
import io.probehost.api.TransferFaultException;
import io.probehost.api.TransferTimeoutException;

/**
 * An error the PE Micro library reported: a false return, a critical-error byte, a {@code mem_result}
 * or an SWD status. The library returns no error codes, so each message names the function (and
 * feature code) and the raw value it gave.
 */
final class PeMicroException extends ProbeException {
    private static final long serialVersionUID = 1L;

    private PeMicroException(String message) {
        super(message);
    }

    /** The library could not be found or loaded. */
    static PeMicroException noLibrary(String detail) {
        return new PeMicroException("no PE Micro library: " + detail);
    }

    static PeMicroException returnedFalse(String call, String meaning) {
        return new PeMicroException("PE Micro library: " + call + " returned false: " + meaning);
    }

    static PeMicroException criticalError(String after, int code) {
        return new PeMicroException(String.format("PE Micro library: check_critical_error gave 0x%02X after %s",
                code & 0xFF, after));
    }

    /** A memory call's {@code mem_result}: 2 (bus error) is a fault at {@code address}; the rest are probe errors. */
    static ProbeException memory(String call, long address, int memResult) {
        String message = String.format("PE Micro library: %s at 0x%08X gave mem_result %d (%s)", call, address,
                memResult, memResultName(memResult));
        return memResult == 2 ? new TransferFaultException(message, address) : new PeMicroException(message);
    }

    /** A DP or AP access that did not end in ACK. */
    static TransferException swdStatus(String access, int status) {
        String message = String.format("PE Micro library: %s ended with SWD status %d (%s)", access, status,
                SwdStatus.fromCode(status).name());
        return switch (SwdStatus.fromCode(status)) {
            case FAULT -> new TransferFaultException(message);
            case WAIT -> new TransferTimeoutException(message);
            default -> new TransferException(message);
        };
    }

    /** A call after the library was unloaded (the driver was stopped). */
    static final class Unloaded extends ProbeException {
        private static final long serialVersionUID = 1L;

        Unloaded(String library) {
            super("PE Micro library " + library + " was unloaded: the pemicro driver was stopped");
        }
    }

    static String memResultName(int code) {
        return switch (code) {
            case 0 -> "ok";
            case 1 -> "no access, the core is running";
            case 2 -> "bus error";
            case 3 -> "unimplemented";
            case 4 -> "uninitialised";
            case 5 -> "programming error";
            default -> "unknown";
        };
    }
}
