package io.probehost.api.probe;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Bit-level SWD: the probe drives or releases SWDIO one bit per SWCLK cycle and samples it (J-Link
 * HW_JTAG3 in SWD mode, the legacy Picoprobe). The SWD packet layer, turnarounds and ACK handling,
 * is built on top of it, above the probe.
 */
@ConsumerType
public interface SwdSequencer extends ProbeCapability {

    /**
     * Clocks {@code bitCount} SWCLK cycles. Where bit {@code i} of {@code drive} (bit {@code i % 8}
     * of byte {@code i / 8}, LSB first) is 1 the probe drives bit {@code i} of {@code out} on SWDIO;
     * where it is 0 it releases SWDIO. Bit {@code i} of the result is SWDIO as seen on cycle
     * {@code i} in the protocol's own numbering: for a transaction starting at bit 0, bit 8 is the
     * turnaround and ACK[0] is bit 9. A probe whose capture is skewed realigns it before returning.
     */
    byte[] sequence(int bitCount, byte[] drive, byte[] out);
}
