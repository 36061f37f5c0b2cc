package io.probehost.sim.adi;

/**
 * The debug connector of a virtual target at pin level, as a probe's firmware drives it: one call is
 * one SWCLK/TCK cycle. SWDIO and TMS are the same pin (SWJ-DP), so switching sequences are seen
 * whichever method clocks them.
 */
public interface SwjPins {

    /**
     * One SWD clock cycle. When {@code hostDrives}, the host puts {@code hostBit} on SWDIO and the
     * target samples it; otherwise the host releases SWDIO (turnaround, read data, ACK).
     *
     * @return the SWDIO level the host samples in this cycle: the target's bit when the target
     *         drives, the host's own bit when the host drives, 1 (pull-up) when nobody drives
     */
    boolean swdClock(boolean hostDrives, boolean hostBit);

    /**
     * One JTAG TCK cycle: TDO is sampled by the host before the rising edge, then the TAP samples
     * TMS and TDI on the rising edge and updates TDO on the falling edge.
     *
     * @return the TDO level sampled before the rising edge
     */
    boolean jtagClock(boolean tms, boolean tdi);

    /** Current TDO level, without clocking (remote_bitbang's read). */
    boolean tdo();

    /** Pulses nTRST: the TAP goes to Test-Logic-Reset. */
    void jtagReset();

    /** Drives nRESET. */
    void setResetAsserted(boolean asserted);

    /** Level of the nRESET pin as the probe reads it back (true = high, not in reset). */
    boolean resetPinHigh();
}
