package io.probehost.sim.probe.stlink;

import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.probe.cmsisdap.LinkMeter;
import io.probehost.sim.probe.cmsisdap.LinkStats;

/**
 * The modelled link of one virtual ST-Link: each command costs a USB round trip plus its bytes, and
 * each SWD or JTAG cycle its share of the clock; the time elapses on the target's {@link VirtualClock} as
 * it passes, so the target runs in lockstep with the link (as behind the CMSIS-DAP emulator).
 */
public final class StlinkLink {
    private final StlinkLinkTiming timing;
    private final LinkMeter meter;

    public StlinkLink(StlinkLinkTiming timing, VirtualClock clock) {
        this.timing = timing;
        this.meter = new LinkMeter(clock);
    }

    public StlinkLinkTiming timing() {
        return timing;
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
