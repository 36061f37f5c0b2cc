package io.probehost.sim.probe.jlink;

import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.probe.cmsisdap.LinkMeter;
import io.probehost.sim.probe.cmsisdap.LinkStats;
import io.probehost.sim.probe.stlink.StlinkLinkTiming;

/**
 * The modelled link of one virtual J-Link: each command costs a USB round trip plus its bytes, each
 * HW_JTAG3 bit a cycle at the selected speed; the time elapses on the target's {@link VirtualClock}.
 */
public final class JlinkLink {
    private final StlinkLinkTiming timing;
    private final LinkMeter meter;

    public JlinkLink(StlinkLinkTiming timing, VirtualClock clock) {
        this.timing = timing;
        this.meter = new LinkMeter(clock);
    }

    public LinkStats snapshot() {
        return meter.snapshot();
    }

    public void reset() {
        meter.reset();
    }

    void command() {
        meter.roundTrip(timing.roundTripNanos());
    }

    void bytesOut(int n) {
        meter.bytesOut(n, n * timing.nanosPerByte());
    }

    void bytesIn(int n) {
        meter.bytesIn(n, n * timing.nanosPerByte());
    }

    void wireCycles(boolean jtag, long cycles, long clockHz) {
        meter.wireCycles(jtag, cycles, clockHz);
    }
}
