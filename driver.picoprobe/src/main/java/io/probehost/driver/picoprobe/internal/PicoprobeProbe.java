package io.probehost.driver.picoprobe.internal;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import io.probehost.api.ProbeException;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeCapability;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.ResetControl;
import io.probehost.api.probe.SwdSequencer;
import io.probehost.api.probe.SwjControl;
import io.probehost.api.probe.WireProtocol;

/**
 * An opened legacy Picoprobe. It clocks bits and nothing more: it offers {@link SwdSequencer} (the
 * SWD packets are built above it), {@link SwjControl} for switching sequences (it cannot read or
 * set pins one by one) and {@link ResetControl} (TARGET_RESET). SWD only.
 */
final class PicoprobeProbe implements DebugProbe, SwdSequencer, SwjControl, ResetControl {
    /** The firmware's clock at boot. */
    static final long DEFAULT_CLOCK_HZ = 1_000_000;

    private final ProbeDescription description;
    private final PicoprobeChannel channel;
    private final PicoprobeSequencer sequencer;
    private WireProtocol protocol;
    private long clockHz = DEFAULT_CLOCK_HZ;
    private boolean closed;

    PicoprobeProbe(ProbeDescription description, PicoprobeChannel channel, boolean safeSwd) {
        this.description = description;
        this.channel = channel;
        this.sequencer = new PicoprobeSequencer(channel, safeSwd);
    }

    @Override
    public ProbeDescription description() {
        return description;
    }

    @Override
    public Set<WireProtocol> supportedProtocols() {
        return EnumSet.of(WireProtocol.SWD);
    }

    /** Sets the clock; the firmware needs nothing else to start clocking SWD. */
    @Override
    public synchronized void connect(WireProtocol wire) {
        if (wire != WireProtocol.SWD) {
            throw new ProbeException(description.displayName() + " speaks SWD only, not " + wire);
        }
        setClockHz(clockHz);
        protocol = wire;
    }

    @Override
    public synchronized Optional<WireProtocol> protocol() {
        return Optional.ofNullable(protocol);
    }

    @Override
    public synchronized void disconnect() {
        protocol = null;
    }

    /** SET_FREQ takes whole kHz; the PIO divider may round further, which the firmware does not report. */
    @Override
    public synchronized long setClockHz(long requestedHz) {
        int kilohertz = (int) Math.max(1, Math.min(Integer.MAX_VALUE, requestedHz / 1000));
        channel.execute(new PicoprobePacket().setFrequencyKhz(kilohertz));
        clockHz = kilohertz * 1000L;
        return clockHz;
    }

    @Override
    public <C extends ProbeCapability> Optional<C> capability(Class<C> type) {
        if (type == SwdSequencer.class || type == SwjControl.class || type == ResetControl.class) {
            return Optional.of(type.cast(this));
        }
        return Optional.empty();
    }

    @Override
    public synchronized byte[] sequence(int bitCount, byte[] drive, byte[] out) {
        return sequencer.sequence(bitCount, drive, out);
    }

    /** One WRITE_BITS of the sequence. */
    @Override
    public synchronized void swjSequence(int bitCount, byte[] bits) {
        channel.execute(new PicoprobePacket().writeBits(bitCount, PicoprobeSequencer.slice(bits, 0, bitCount)));
    }

    @Override
    public int swjPins(int output, int select, int waitMicros) {
        throw new ProbeException(description.displayName()
                + " cannot read or drive single pins (the legacy protocol drives only nRESET, through ResetControl)");
    }

    @Override
    public synchronized void setResetAsserted(boolean asserted) {
        channel.execute(new PicoprobePacket().targetReset(asserted));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        protocol = null;
        channel.close();
    }
}
