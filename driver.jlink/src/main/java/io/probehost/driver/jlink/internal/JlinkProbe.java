package io.probehost.driver.jlink.internal;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import io.probehost.api.ProbeException;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.JtagSequencer;
import io.probehost.api.probe.ProbeCapability;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.ResetControl;
import io.probehost.api.probe.SwdSequencer;
import io.probehost.api.probe.SwjControl;
import io.probehost.api.probe.WireProtocol;

/**
 * An opened J-Link. It has no DAP engine of its own: it offers the wire at bit level,
 * {@link SwdSequencer} while SWD is selected and {@link JtagSequencer} while JTAG is, both as HW_JTAG3
 * streams, plus {@link SwjControl} (sequences on SWDIO/TMS, nRESET and nTRST, pin levels from
 * GET_STATE) and {@link ResetControl}. The ADIv5 layers above build DP and AP accesses from the bits.
 */
final class JlinkProbe implements DebugProbe, SwdSequencer, JtagSequencer, SwjControl, ResetControl {
    /** The clock used until one is set, as probe-rs starts. */
    static final long DEFAULT_CLOCK_HZ = 400_000;

    private final ProbeDescription description;
    private final JlinkChannel channel;
    private final JlinkIdentity identity;
    private final BitStreams streams;
    private final boolean powerOnOpen;
    private WireProtocol protocol;
    private long clockHz = DEFAULT_CLOCK_HZ;
    private boolean closed;

    JlinkProbe(ProbeDescription description, JlinkChannel channel, JlinkIdentity identity, boolean powerOnOpen) {
        this.description = description;
        this.channel = channel;
        this.identity = identity;
        this.streams = new BitStreams(channel, identity.maxMemBlock());
        this.powerOnOpen = powerOnOpen;
    }

    JlinkIdentity identity() {
        return identity;
    }

    /** VTref now, in millivolts. */
    synchronized int targetMillivolts() {
        return channel.execute(new GetStateRequest()).targetMillivolts();
    }

    @Override
    public ProbeDescription description() {
        return description;
    }

    @Override
    public Set<WireProtocol> supportedProtocols() {
        EnumSet<WireProtocol> protocols = EnumSet.noneOf(WireProtocol.class);
        if ((identity.interfaces() & 1 << SelectInterfaceRequest.JTAG) != 0) {
            protocols.add(WireProtocol.JTAG);
        }
        if ((identity.interfaces() & 1 << SelectInterfaceRequest.SWD) != 0) {
            protocols.add(WireProtocol.SWD);
        }
        return protocols;
    }

    /**
     * Selects the interface (SELECT_IF, on probes that have it; others speak JTAG only), sets the
     * clock again (SELECT_IF resets it), and releases nRESET and nTRST.
     */
    @Override
    public synchronized void connect(WireProtocol wire) {
        if (!supportedProtocols().contains(wire)) {
            throw new ProbeException(description.displayName() + " " + description.uniqueId() + " does not support "
                    + wire + " (it supports " + supportedProtocols() + ")");
        }
        if (identity.capabilities().has(JlinkCapabilities.SELECT_IF)) {
            channel.execute(new SelectInterfaceRequest(
                    wire == WireProtocol.SWD ? SelectInterfaceRequest.SWD : SelectInterfaceRequest.JTAG));
        }
        protocol = wire;
        setClockHz(clockHz);
        channel.execute(LineCommand.HW_RESET1);
        channel.execute(LineCommand.HW_TRST1);
    }

    @Override
    public synchronized Optional<WireProtocol> protocol() {
        return Optional.ofNullable(protocol);
    }

    @Override
    public synchronized void disconnect() {
        protocol = null;
    }

    /** The fastest whole kHz not above the request and not above GET_SPEEDS' maximum; at least 1 kHz. */
    @Override
    public synchronized long setClockHz(long requestedHz) {
        clockHz = requestedHz;
        long kilohertz = Math.max(1, Math.min(requestedHz, identity.maxClockHz()) / 1000);
        int applied = (int) Math.min(kilohertz, 0xFFFE);
        channel.execute(new SetSpeedRequest(applied));
        return applied * 1000L;
    }

    @Override
    public <C extends ProbeCapability> Optional<C> capability(Class<C> type) {
        WireProtocol wire = protocol().orElse(null);
        boolean swd = supportedProtocols().contains(WireProtocol.SWD) && (wire == null || wire == WireProtocol.SWD);
        boolean jtag = supportedProtocols().contains(WireProtocol.JTAG) && (wire == null || wire == WireProtocol.JTAG);
        if ((type == SwdSequencer.class && swd) || (type == JtagSequencer.class && jtag) || type == SwjControl.class
                || type == ResetControl.class) {
            return Optional.of(type.cast(this));
        }
        return Optional.empty();
    }

    @Override
    public synchronized byte[] sequence(int bitCount, byte[] drive, byte[] out) {
        requireSelected(WireProtocol.SWD);
        return streams.swd(bitCount, drive, out);
    }

    @Override
    public synchronized byte[] shift(int bitCount, byte[] tms, byte[] tdi) {
        requireSelected(WireProtocol.JTAG);
        return streams.clock(bitCount, tms, tdi);
    }

    private void requireSelected(WireProtocol wire) {
        if (protocol != wire) {
            throw new ProbeException(description.displayName() + " " + description.uniqueId() + " is "
                    + (protocol == null ? "not connected" : "on " + protocol) + "; " + wire + " bits need " + wire);
        }
    }

    /** The bits on SWDIO/TMS: driven in SWD, as TMS (TDI low) in JTAG. */
    @Override
    public synchronized void swjSequence(int bitCount, byte[] bits) {
        if (protocol == WireProtocol.JTAG) {
            streams.clock(bitCount, bits, new byte[HwJtag3Request.vectorBytes(bitCount)]);
            return;
        }
        if (protocol == null) {
            throw new ProbeException(description.displayName() + " " + description.uniqueId() + " is not connected");
        }
        byte[] drive = new byte[HwJtag3Request.vectorBytes(bitCount)];
        java.util.Arrays.fill(drive, (byte) 0xFF);
        streams.swd(bitCount, drive, bits);
    }

    /**
     * Drives nRESET and nTRST (HW_RESET0/1, HW_TRST0/1) as selected; SWCLK, SWDIO and TDI have no
     * static command and are left alone. Returns every level GET_STATE reads.
     */
    @Override
    public synchronized int swjPins(int output, int select, int waitMicros) {
        if ((select & PIN_NRESET) != 0) {
            channel.execute((output & PIN_NRESET) != 0 ? LineCommand.HW_RESET1 : LineCommand.HW_RESET0);
        }
        if ((select & PIN_NTRST) != 0) {
            channel.execute((output & PIN_NTRST) != 0 ? LineCommand.HW_TRST1 : LineCommand.HW_TRST0);
        }
        GetStateRequest.State state = channel.execute(new GetStateRequest());
        return (state.tck() ? PIN_SWCLK_TCK : 0) | (state.tms() ? PIN_SWDIO_TMS : 0) | (state.tdi() ? PIN_TDI : 0)
                | (state.tdo() ? PIN_TDO : 0) | (state.trst() ? PIN_NTRST : 0) | (state.reset() ? PIN_NRESET : 0);
    }

    @Override
    public synchronized void setResetAsserted(boolean asserted) {
        channel.execute(asserted ? LineCommand.HW_RESET0 : LineCommand.HW_RESET1);
    }

    /** Switches off the target power it switched on at open, then releases the USB handle. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        protocol = null;
        try {
            if (powerOnOpen) {
                channel.execute(new SetTargetPowerRequest(false));
            }
        } catch (ProbeException e) {
            // gone: the USB handle is released below all the same
        } finally {
            channel.close();
        }
    }
}
