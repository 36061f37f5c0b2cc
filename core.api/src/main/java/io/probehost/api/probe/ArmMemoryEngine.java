package io.probehost.api.probe;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A probe that performs Arm debug accesses itself (the ST-Link): it takes whole memory transfers
 * and DP/AP register accesses, not raw SWD/JTAG packets. A probe offering this capability usually
 * offers no {@link DapAccess}; the Arm layer then reads and writes memory through it.
 *
 * <p>Every call completes before it returns: there is no queue. A bus fault throws
 * {@link io.probehost.api.TransferFaultException} with the faulting address when the probe tells it;
 * WAIT past the probe's retries throws {@link io.probehost.api.TransferTimeoutException}.
 */
@ConsumerType
public interface ArmMemoryEngine extends ProbeCapability {

    /** The {@code port} of {@link #readDapRegister}/{@link #writeDapRegister} that names the DP. */
    int DEBUG_PORT = -1;

    /** The unit of a memory access (the MEM-AP's CSW.Size). */
    enum AccessWidth {
        BYTE(1), HALFWORD(2), WORD(4);

        private final int bytes;

        AccessWidth(int bytes) {
            this.bytes = bytes;
        }

        public int bytes() {
            return bytes;
        }
    }

    /**
     * Reads {@code length} bytes at {@code address} through MEM-AP {@code ap} in units of
     * {@code width}; address and length must be multiples of the width. The engine splits the
     * transfer at its own limits.
     */
    void readMemory(int ap, long address, AccessWidth width, byte[] into, int offset, int length);

    /** Writes {@code length} bytes at {@code address}, as {@link #readMemory} reads them. */
    void writeMemory(int ap, long address, AccessWidth width, byte[] from, int offset, int length);

    /** The widths the probe can use now (its firmware may lack 16-bit access, for instance). */
    Set<AccessWidth> accessWidths();

    /** Whether MEM-APs other than 0 can be used (the firmware has multi-AP support). */
    boolean hasMultipleAps();

    /** Whether {@link #readDapRegister} and {@link #writeDapRegister} are available. */
    boolean hasDapRegisterAccess();

    /**
     * Reads a DP register ({@code port} {@link #DEBUG_PORT}) or a register of AP {@code port}.
     * {@code register} is the byte address; banked DP registers are {@code (bank << 4) | address}.
     */
    int readDapRegister(int port, int register);

    void writeDapRegister(int port, int register, int value);
}
