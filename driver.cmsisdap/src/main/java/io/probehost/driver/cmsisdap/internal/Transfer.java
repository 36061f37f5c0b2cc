package io.probehost.driver.cmsisdap.internal;

/**
 * One DP or AP register access inside DAP_Transfer: the request byte and, for a write, its data.
 *
 * @param request the request byte: bit 0 APnDP, bit 1 RnW, bits 3:2 A[3:2]
 * @param data    the value written; ignored for reads
 */
record Transfer(int request, int data) {

    static final int AP = 1;
    static final int READ = 1 << 1;
    static final int VALUE_MATCH = 1 << 4;

    static Transfer read(boolean ap, int register) {
        return new Transfer(requestByte(ap, true, register), 0);
    }

    static Transfer write(boolean ap, int register, int value) {
        return new Transfer(requestByte(ap, false, register), value);
    }

    static int requestByte(boolean ap, boolean read, int register) {
        if ((register & ~0xC) != 0) {
            throw new IllegalArgumentException(String.format(
                    "register 0x%X is not one of 0x0, 0x4, 0x8, 0xC (the DP layer selects banks)", register));
        }
        return (ap ? AP : 0) | (read ? READ : 0) | (register & 0xC);
    }

    boolean isRead() {
        return (request & READ) != 0;
    }

    /**
     * Whether the probe collects this read's data only with the next transaction. Over SWD only AP
     * reads are posted; over JTAG every DPACC and APACC read is.
     */
    boolean isPosted(boolean jtag) {
        return isRead() && (request & VALUE_MATCH) == 0 && (jtag || (request & AP) != 0);
    }

    /** {@code AP read 0xC}, as messages name an access. */
    static String describe(int request) {
        return String.format("%s %s 0x%X", (request & AP) != 0 ? "AP" : "DP",
                (request & READ) != 0 ? "read" : "write", request & 0xC);
    }
}
