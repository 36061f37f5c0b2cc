package io.probehost.driver.stlink.internal;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.probehost.api.ProbeException;
import io.probehost.api.TransferException;
import io.probehost.api.TransferFaultException;
import io.probehost.api.probe.ArmMemoryEngine;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeCapability;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.ResetControl;
import io.probehost.api.probe.WireProtocol;

/**
 * An opened ST-Link. It has no raw SWD: it offers {@link ArmMemoryEngine} (memory and DP/AP
 * registers through the probe's own engine) and {@link ResetControl}, not {@code DapAccess}.
 */
final class StlinkProbe implements DebugProbe, ArmMemoryEngine, ResetControl {
    /** The clock used until one is set: the V2 SWD default. */
    static final long DEFAULT_CLOCK_HZ = 1_800_000;

    private final ProbeDescription description;
    private final StlinkChannel channel;
    private final StlinkVersion version;
    private final StlinkMemory memory;
    private final double targetVolts;
    private final Set<Integer> openedAps = new HashSet<>();
    private WireProtocol protocol;
    private long clockHz = DEFAULT_CLOCK_HZ;
    private boolean closed;

    StlinkProbe(ProbeDescription description, StlinkChannel channel, double targetVolts) {
        this.description = description;
        this.channel = channel;
        this.version = channel.version();
        this.memory = new StlinkMemory(channel);
        this.targetVolts = targetVolts;
    }

    StlinkVersion version() {
        return version;
    }

    /** The target voltage read at open, in volts. */
    double targetVolts() {
        return targetVolts;
    }

    @Override
    public ProbeDescription description() {
        return description;
    }

    @Override
    public Set<WireProtocol> supportedProtocols() {
        return EnumSet.of(WireProtocol.SWD, WireProtocol.JTAG);
    }

    /** Sets the clock, enters SWD or JTAG debug mode and opens AP 0 (firmware with multi-AP support). */
    @Override
    public synchronized void connect(WireProtocol wire) {
        protocol = wire;
        memory.setJtag(wire == WireProtocol.JTAG);
        setClockHz(clockHz);
        channel.execute(new EnterDebugRequest(wire == WireProtocol.JTAG));
        openAp(0);
    }

    @Override
    public synchronized Optional<WireProtocol> protocol() {
        return Optional.ofNullable(protocol);
    }

    @Override
    public synchronized void disconnect() {
        if (protocol == null) {
            return;
        }
        if (version.hasMultipleAps()) {
            for (int ap : openedAps) {
                channel.execute(new InitApRequest(true, ap));
            }
        }
        openedAps.clear();
        channel.execute(LeaveModeRequest.DEBUG_EXIT);
        protocol = null;
    }

    /**
     * V2: the divisor table of the wire (SWD before J22 and JTAG before J24 keep the probe's
     * default). V3: the list GET_COM_FREQ gives. Either way the fastest not above the request.
     */
    @Override
    public synchronized long setClockHz(long requestedHz) {
        clockHz = requestedHz;
        boolean jtag = protocol == WireProtocol.JTAG;
        if (version.isV3()) {
            List<Integer> offered = channel.execute(new GetComFreqRequest(jtag));
            ClockTables.Entry entry = ClockTables.choose(ClockTables.v3(offered), requestedHz);
            int applied = channel.execute(new SetComFreqRequest(jtag, entry.kilohertz()));
            return applied * 1000L;
        }
        if (jtag ? !version.hasJtagSetFreq() : !version.hasSwdSetFreq()) {
            return (jtag ? 1125 : 1800) * 1000L;
        }
        ClockTables.Entry entry = ClockTables.choose(jtag ? ClockTables.V2_JTAG : ClockTables.V2_SWD, requestedHz);
        channel.execute(new SetDivisorRequest(jtag, entry.divisor()));
        return entry.kilohertz() * 1000L;
    }

    @Override
    public <C extends ProbeCapability> Optional<C> capability(Class<C> type) {
        if (type == ArmMemoryEngine.class || type == ResetControl.class) {
            return Optional.of(type.cast(this));
        }
        return Optional.empty();
    }

    @Override
    public synchronized void readMemory(int ap, long address, AccessWidth width, byte[] into, int offset,
            int length) {
        openAp(ap);
        memory.read(ap, address, width, into, offset, length);
    }

    @Override
    public synchronized void writeMemory(int ap, long address, AccessWidth width, byte[] from, int offset,
            int length) {
        openAp(ap);
        memory.write(ap, address, width, from, offset, length);
    }

    @Override
    public Set<AccessWidth> accessWidths() {
        return version.has16BitAccess() ? EnumSet.allOf(AccessWidth.class)
                : EnumSet.of(AccessWidth.BYTE, AccessWidth.WORD);
    }

    @Override
    public boolean hasMultipleAps() {
        return version.hasMultipleAps();
    }

    @Override
    public boolean hasDapRegisterAccess() {
        return version.hasDapRegisters();
    }

    @Override
    public synchronized int readDapRegister(int port, int register) {
        return channel.execute(new ReadDapRegRequest(wirePort(port), register));
    }

    @Override
    public synchronized void writeDapRegister(int port, int register, int value) {
        channel.execute(new WriteDapRegRequest(wirePort(port), register, value));
    }

    private int wirePort(int port) {
        if (!version.hasDapRegisters()) {
            throw new ProbeException("ST-Link firmware " + version.display()
                    + " has no DP/AP register access (V2J24 or later has it): update the firmware");
        }
        if (port == DEBUG_PORT) {
            return ReadDapRegRequest.DP_PORT;
        }
        openAp(port);
        return port;
    }

    /** INIT_AP once per AP, on firmware that has it; older firmware reach AP 0 only. */
    private void openAp(int ap) {
        if (openedAps.contains(ap)) {
            return;
        }
        if (!version.hasMultipleAps()) {
            if (ap != 0) {
                throw new ProbeException("ST-Link firmware " + version.display()
                        + " reaches AP 0 only (V2J28 or later reach others): update the firmware");
            }
        } else if (ap == 0) {
            channel.execute(new InitApRequest(false, ap));
        } else {
            try {
                channel.execute(new InitApRequest(false, ap));
            } catch (TransferException absent) {
                // an AP scan reads APs upwards until one is missing: a FAULT tells it to stop
                TransferFaultException fault = new TransferFaultException(absent.getMessage());
                fault.initCause(absent);
                throw fault;
            }
        }
        openedAps.add(ap);
    }

    @Override
    public synchronized void setResetAsserted(boolean asserted) {
        channel.execute(new DriveNrstRequest(asserted ? DriveNrstRequest.LOW : DriveNrstRequest.HIGH));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            disconnect();
        } catch (ProbeException e) {
            // gone or stuck: the USB handle is released below all the same
        } finally {
            channel.close();
        }
    }
}
