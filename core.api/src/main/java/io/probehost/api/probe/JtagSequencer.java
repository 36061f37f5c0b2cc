package io.probehost.api.probe;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Bit-level JTAG: the probe clocks TMS and TDI vectors and captures TDO, one bit per TCK cycle
 * (J-Link HW_JTAG3, CMSIS-DAP DAP_JTAG_Sequence, a bit-banging adapter). The JTAG-DP and the RISC-V
 * DTM are built on top of it, above the probe.
 */
@ConsumerType
public interface JtagSequencer extends ProbeCapability {

    /**
     * Clocks {@code bitCount} TCK cycles. Bit {@code i} of {@code tms} and {@code tdi} (bit
     * {@code i % 8} of byte {@code i / 8}, LSB first) drive cycle {@code i}; bit {@code i} of the
     * result is TDO sampled on that cycle.
     */
    byte[] shift(int bitCount, byte[] tms, byte[] tdi);
}
