package io.probehost.sim.probe.cmsisdap;

import io.probehost.sim.adi.SwjPins;

/**
 * The probe's debug pins as the firmware's port macros drive them: levels of SWCLK/TCK, SWDIO/TMS,
 * TDI, nTRST and nRESET, the SWDIO output enable, and one {@link SwjPins} call per clock cycle. While
 * the port is disabled the pins are high-impedance: cycles take time but the target sees nothing.
 * Cycles are counted and charged to the {@link LinkModel} at {@link #flush()}.
 */
final class SwjWire {
    private final SwjPins pins;
    private final LinkModel link;
    private final DapState state;
    private boolean swdio = true;
    private boolean tdi = true;
    private boolean swclk = true;
    private boolean ntrst = true;
    private boolean nreset = true;
    private boolean swdioOutput = true;
    private long pendingSwd;
    private long pendingJtag;

    SwjWire(SwjPins pins, LinkModel link, DapState state) {
        this.pins = pins;
        this.link = link;
        this.state = state;
    }

    SwjPins pins() {
        return pins;
    }

    private boolean driven() {
        return state.port != DapPort.DISABLED;
    }

    // ---- SWD (SW_DP.c) ----

    /** SW_WRITE_BIT: the host drives SWDIO for one cycle. */
    void swdWrite(boolean bit) {
        swdio = bit;
        pendingSwd++;
        if (driven()) {
            pins.swdClock(true, bit);
        }
    }

    /** SW_READ_BIT: SWDIO released, sampled in this cycle. */
    boolean swdRead() {
        pendingSwd++;
        return !driven() || pins.swdClock(false, false);
    }

    /** SW_CLOCK_CYCLE: one cycle with SWDIO as it is (driven at its level, or released). */
    void swdCycle() {
        if (swdioOutput) {
            swdWrite(swdio);
        } else {
            swdRead();
        }
    }

    void setSwdioOutput(boolean enabled) {
        swdioOutput = enabled;
    }

    void setSwdio(boolean level) {
        swdio = level;
    }

    // ---- JTAG (JTAG_DP.c) ----

    void setTms(boolean level) {
        swdio = level;
    }

    void setTdi(boolean level) {
        tdi = level;
    }

    /** JTAG_CYCLE_TCK with TMS and TDI as they are; returns TDO sampled before the rising edge. */
    boolean jtagCycle() {
        pendingJtag++;
        return !driven() || pins.jtagClock(swdio, tdi);
    }

    boolean jtagCycle(boolean tdiBit) {
        tdi = tdiBit;
        return jtagCycle();
    }

    // ---- SWJ: the shared SWDIO/TMS pin clocked by SWJ_Sequence ----

    void swjBit(boolean bit) {
        if (state.port == DapPort.JTAG) {
            setTms(bit);
            jtagCycle();
        } else {
            swdWrite(bit);
        }
    }

    // ---- Port setup and DAP_SWJ_Pins ----

    /** PORT_SWD_SETUP / PORT_JTAG_SETUP: clock, SWDIO/TMS and TDI high, nRESET released. */
    void setupPort() {
        swclk = true;
        swdio = true;
        tdi = true;
        ntrst = true;
        swdioOutput = true;
        setReset(true);
    }

    /** PORT_OFF: every pin high-impedance; the target's pull-up releases nRESET. */
    void portOff() {
        setReset(true);
    }

    void setSwclk(boolean level) {
        boolean rising = level && !swclk;
        swclk = level;
        if (rising && driven()) {
            if (state.port == DapPort.JTAG) {
                jtagCycle();
            } else {
                swdCycle();
            }
        }
    }

    void setTrst(boolean level) {
        boolean falling = !level && ntrst;
        ntrst = level;
        if (falling && driven()) {
            pins.jtagReset();
        }
    }

    void setReset(boolean level) {
        if (level != nreset) {
            nreset = level;
            pins.setResetAsserted(!level);
        }
    }

    /** DAP_SWJ_Pins read-back: bits 0 SWCLK, 1 SWDIO, 2 TDI, 3 TDO, 5 nTRST, 7 nRESET. */
    int readPins() {
        int v = 0;
        v |= swclk ? 0x01 : 0;
        v |= swdio ? 0x02 : 0;
        v |= tdi ? 0x04 : 0;
        v |= pins.tdo() ? 0x08 : 0;
        v |= ntrst ? 0x20 : 0;
        v |= pins.resetPinHigh() ? 0x80 : 0;
        return v;
    }

    /** Charges the cycles clocked since the last flush to the link model (and the target's clock). */
    void flush() {
        if (pendingSwd > 0) {
            link.wireCycles(false, pendingSwd, state.clockHz);
            pendingSwd = 0;
        }
        if (pendingJtag > 0) {
            link.wireCycles(true, pendingJtag, state.clockHz);
            pendingJtag = 0;
        }
    }
}
