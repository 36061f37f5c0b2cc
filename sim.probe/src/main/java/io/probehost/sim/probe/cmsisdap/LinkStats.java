package io.probehost.sim.probe.cmsisdap;

/**
 * Counters of one virtual probe's link since creation or the last {@link LinkModel#reset()}.
 *
 * @param roundTrips    request packets executed (each a USB round trip; TransferAbort is not one)
 * @param bytesOut      bytes the host sent on the OUT endpoints (including dropped packets)
 * @param bytesIn       bytes the host read from the IN endpoints
 * @param swdBits       SWCLK cycles clocked in SWD mode (including SWJ sequences outside JTAG mode)
 * @param jtagBits      TCK cycles clocked in JTAG mode
 * @param modelledNanos modelled link time: round-trip latencies + wire cycles at the SWJ clock + DAP_Delay
 */
public record LinkStats(long roundTrips, long bytesOut, long bytesIn, long swdBits, long jtagBits,
        long modelledNanos) {

    public long wireBits() {
        return swdBits + jtagBits;
    }
}
