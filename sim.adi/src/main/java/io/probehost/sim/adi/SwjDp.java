package io.probehost.sim.adi;

import io.probehost.sim.mcu.DebuggableMcu;
import io.probehost.sim.mcu.MemoryPort;

/**
 * The SWJ-DP of a virtual Cortex-M part: SW-DP and JTAG-DP sharing one DP and one AHB-AP (AP 0)
 * on the MCU's debug bus, with the SWJ switch sequences and the ADIv5.2 dormant state. Its IDs are a
 * {@link SwjIdentity} (Cortex-M0 unless given); in JTAG a boundary-scan TAP may sit between TDI and
 * the JTAG-DP. Thread-safe: every pin call holds the instance lock.
 */
public final class SwjDp implements SwjPins {
    /** Cortex-M0 SW-DP DPIDR: DPv1, MINDP, Arm. */
    public static final int SW_DPIDR = 0x0BB1_1477;
    /** Cortex-M0 JTAG-DP IDCODE (OpenOCD lpc4350.cfg lists it for the M0 core's TAP). */
    public static final int JTAG_IDCODE = 0x0BA0_1477;

    private final DebuggableMcu mcu;
    private final FaultInjectingMemoryPort bus;
    private final DebugPort dp;
    private final SwdEngine swd;
    private final JtagDp jtag;
    /** The chip's boundary-scan TAP nearest TDI, or null. */
    private final BoundaryScanTap boundaryScan;
    private final SwjSequenceDetector sequences = new SwjSequenceDetector();
    private final long nanosPerCycle;
    private WireMode mode;
    private boolean resetAsserted;
    private boolean noResponse;

    /** Powers on in JTAG, as an ADIv5 SWJ-DP does; pin cycles take no modelled time. */
    public SwjDp(DebuggableMcu mcu) {
        this(mcu, WireMode.JTAG, 0);
    }

    /**
     * @param powerOnMode   the protocol at power-on: JTAG for an ADIv5 SWJ-DP, SWD for an SW-DP-only
     *                      part like the real nRF51, DORMANT for an ADIv5.2 part that powers up dormant
     * @param nanosPerCycle modelled time each SWCLK/TCK cycle advances the MCU's clock (1000 for
     *                      1 MHz); 0 when the probe emulator advances the clock itself
     */
    public SwjDp(DebuggableMcu mcu, WireMode powerOnMode, long nanosPerCycle) {
        this(mcu, SwjIdentity.CORTEX_M0, powerOnMode, nanosPerCycle);
    }

    /** As {@link #SwjDp(DebuggableMcu, WireMode, long)}, with the IDs and JTAG chain of {@code identity}. */
    public SwjDp(DebuggableMcu mcu, SwjIdentity identity, WireMode powerOnMode, long nanosPerCycle) {
        this.mcu = mcu;
        this.bus = new FaultInjectingMemoryPort(mcu.debugBus());
        this.dp = new DebugPort(mcu, identity.swDpidr(), new MemAp(bus, mcu.romTableBase(), identity.autoIncrementBytes()));
        this.swd = new SwdEngine(dp);
        this.jtag = new JtagDp(dp, identity.jtagIdcode());
        this.boundaryScan = identity.boundaryScanIrLength() == 0 ? null
                : new BoundaryScanTap(identity.boundaryScanIrLength(), identity.boundaryScanIdcode());
        this.mode = powerOnMode;
        this.nanosPerCycle = nanosPerCycle;
    }

    @Override
    public synchronized boolean swdClock(boolean hostDrives, boolean hostBit) {
        tick();
        boolean line;
        switch (mode) {
            case SWD:
                line = swd.clock(hostDrives, hostBit);
                break;
            case JTAG:
                line = !hostDrives || hostBit;
                clockChain(line, true);
                break;
            default:
                line = !hostDrives || hostBit;
                break;
        }
        watchLine(line);
        return line;
    }

    @Override
    public synchronized boolean jtagClock(boolean tms, boolean tdi) {
        tick();
        boolean tdo = true;
        switch (mode) {
            case JTAG:
                tdo = clockChain(tms, tdi);
                break;
            case SWD:
                swd.clock(true, tms);
                break;
            default:
                break;
        }
        watchLine(tms);
        return tdo;
    }

    /** One TCK through the chain TDI -> boundary scan -> JTAG-DP -> TDO; returns the DP's TDO. */
    private boolean clockChain(boolean tms, boolean tdi) {
        if (boundaryScan == null) {
            return jtag.clock(tms, tdi);
        }
        boolean between = boundaryScan.tdo();
        boolean tdo = jtag.clock(tms, between);
        boundaryScan.clock(tms, tdi);
        return tdo;
    }

    private void resetChain() {
        jtag.reset();
        if (boundaryScan != null) {
            boundaryScan.reset();
        }
    }

    @Override
    public synchronized boolean tdo() {
        return mode != WireMode.JTAG || jtag.tdo();
    }

    @Override
    public synchronized void jtagReset() {
        resetChain();
    }

    @Override
    public synchronized void setResetAsserted(boolean asserted) {
        resetAsserted = asserted;
        mcu.setResetPinAsserted(asserted);
    }

    @Override
    public synchronized boolean resetPinHigh() {
        return !resetAsserted;
    }

    public synchronized WireMode wireMode() {
        return mode;
    }

    /** Fault hook: the next {@code transfers} DP/AP transfers answer WAIT (DPIDR, CTRL/STAT reads and ABORT excepted; DAPABORT ends the storm). */
    public synchronized void injectWaitStorm(int transfers) {
        dp.injectWaits(transfers);
    }

    /** WAIT answers of the current storm still to come. */
    public synchronized int pendingWaits() {
        return dp.pendingWaits();
    }

    /** Fault hook: AP accesses touching [start, start + length) get a bus fault (STICKYERR, then FAULT). */
    public void faultRange(int start, int length) {
        bus.faultRange(start, length);
    }

    public void clearFaultRanges() {
        bus.clearFaultRanges();
    }

    /** Fault hook: the target stops answering (SWD ACK reads 0b111, TDO stays high) until cleared. */
    public synchronized void setNoResponse(boolean noResponse) {
        this.noResponse = noResponse;
        swd.setSilent(noResponse);
        jtag.setSilent(noResponse);
        if (boundaryScan != null) {
            boundaryScan.setSilent(noResponse);
        }
    }

    public synchronized boolean noResponse() {
        return noResponse;
    }

    /** The bus AP 0 masters: the MCU's debug bus behind the fault-injection wrapper. */
    public MemoryPort apBus() {
        return bus;
    }

    private void tick() {
        if (nanosPerCycle > 0) {
            mcu.clock().advance(nanosPerCycle);
        }
    }

    private void watchLine(boolean line) {
        WireMode next = sequences.bit(line, mode);
        if (next == null) {
            return;
        }
        mode = next;
        if (next == WireMode.SWD) {
            swd.requireLineReset();
        } else if (next == WireMode.JTAG) {
            resetChain();
        }
    }
}
