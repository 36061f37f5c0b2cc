package io.probehost.sim.probe.cmsisdap;

import java.util.List;

import io.probehost.sim.adi.SwjPins;

/** TAPs in series, listed from TDI to TDO: each TAP's TDO (before the edge) is the next one's TDI. */
final class JtagChain implements SwjPins {
    private final List<SwjPins> fromTdi;

    JtagChain(SwjPins... fromTdiToTdo) {
        this.fromTdi = List.of(fromTdiToTdo);
    }

    @Override
    public boolean jtagClock(boolean tms, boolean tdi) {
        boolean bit = tdi;
        for (SwjPins tap : fromTdi) {
            bit = tap.jtagClock(tms, bit);
        }
        return bit;
    }

    @Override
    public boolean tdo() {
        return fromTdi.get(fromTdi.size() - 1).tdo();
    }

    @Override
    public boolean swdClock(boolean hostDrives, boolean hostBit) {
        boolean line = true;
        for (SwjPins tap : fromTdi) {
            line = tap.swdClock(hostDrives, hostBit);
        }
        return line;
    }

    @Override
    public void jtagReset() {
        fromTdi.forEach(SwjPins::jtagReset);
    }

    @Override
    public void setResetAsserted(boolean asserted) {
        fromTdi.forEach(t -> t.setResetAsserted(asserted));
    }

    @Override
    public boolean resetPinHigh() {
        return fromTdi.stream().allMatch(SwjPins::resetPinHigh);
    }
}
