package io.probehost.api;

import java.util.OptionalLong;

/** The target answered FAULT, or a memory access hit a bus error. Carries the address when known. */
public class TransferFaultException extends TransferException {
    private static final long serialVersionUID = 1L;
    private final long address;
    private final boolean addressKnown;

    public TransferFaultException(String message) {
        super(message);
        this.address = 0;
        this.addressKnown = false;
    }

    public TransferFaultException(String message, long address) {
        super(message);
        this.address = address;
        this.addressKnown = true;
    }

    /** Returns a copy that names the memory address the fault belongs to. */
    public TransferFaultException at(long faultAddress, String what) {
        TransferFaultException named = new TransferFaultException(
                String.format("%s at 0x%08X: %s", what, faultAddress, getMessage()), faultAddress);
        named.initCause(this);
        return named;
    }

    public OptionalLong address() {
        return addressKnown ? OptionalLong.of(address) : OptionalLong.empty();
    }
}
