package io.probehost.driver.cmsisdap.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.probehost.api.ProbeException;
import io.probehost.api.probe.DapAccess;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.JtagSequencer;
import io.probehost.api.probe.ProbeCapability;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.ResetControl;
import io.probehost.api.probe.SwjControl;
import io.probehost.api.probe.WireProtocol;

/**
 * An opened CMSIS-DAP probe. Offers {@link DapAccess}, {@link SwjControl} and {@link ResetControl},
 * and in JTAG mode {@link JtagSequencer} (DAP_JTAG_Sequence) for TAPs that are not an Arm debug port,
 * such as a RISC-V debug transport module. Connecting configures the port, clock and transfer
 * parameters; in JTAG mode it also discovers the scan chain and addresses the Arm debug port found on
 * it; a chain without one offers no {@link DapAccess}.
 */
final class CmsisDapProbe implements DebugProbe {
    /** The clock used until {@link #setClockHz(long)} is called, as pyOCD's default. */
    static final long DEFAULT_CLOCK_HZ = 1_000_000;
    private static final int SWD_TO_JTAG_BITS = 80;
    private static final byte[] SWD_TO_JTAG = {-1, -1, -1, -1, -1, -1, -1, 0x3C, (byte) 0xE7, -1};

    private final ProbeDescription description;
    private final DapChannel channel;
    private final DapInfo info;
    private final TransferEngine engine;
    private final CmsisDapSwj swj;
    private final CmsisDapReset reset;
    private final CmsisDapJtagSequencer jtagSequencer;
    private WireProtocol protocol;
    private long clockHz = DEFAULT_CLOCK_HZ;
    private List<JtagTap> jtagChain = List.of();
    private boolean armDebugPort;
    private boolean closed;

    CmsisDapProbe(ProbeDescription description, DapChannel channel, DapInfo info, int maxInFlight,
            boolean deferredTransfers) {
        this.description = description;
        this.channel = channel;
        this.info = info;
        this.engine = new TransferEngine(channel, description.uniqueId(), maxInFlight, deferredTransfers,
                info.has(DapCapability.ATOMIC_COMMANDS));
        this.swj = new CmsisDapSwj(engine);
        this.reset = new CmsisDapReset(engine);
        this.jtagSequencer = new CmsisDapJtagSequencer(engine, channel.packetSize());
    }

    DapInfo info() {
        return info;
    }

    /** The TAPs found by the last JTAG connect, TAP 0 nearest TDO; empty on SWD. */
    synchronized List<JtagTap> jtagChain() {
        return jtagChain;
    }

    @Override
    public ProbeDescription description() {
        return description;
    }

    /** From the capability bits; a probe that claims neither is assumed to speak SWD. */
    @Override
    public Set<WireProtocol> supportedProtocols() {
        Set<WireProtocol> protocols = EnumSet.noneOf(WireProtocol.class);
        if (info.has(DapCapability.SWD)) {
            protocols.add(WireProtocol.SWD);
        }
        if (info.has(DapCapability.JTAG)) {
            protocols.add(WireProtocol.JTAG);
        }
        return protocols.isEmpty() ? EnumSet.of(WireProtocol.SWD) : protocols;
    }

    @Override
    public synchronized void connect(WireProtocol wire) {
        checkOpen();
        if (!supportedProtocols().contains(wire)) {
            throw new ProbeException("CMSIS-DAP probe " + description.uniqueId() + " does not support " + wire);
        }
        DapPort wanted = wire == WireProtocol.SWD ? DapPort.SWD : DapPort.JTAG;
        DapPort answered = engine.execute(new ConnectRequest(wanted));
        if (answered != wanted) {
            throw new ProbeException("CMSIS-DAP probe " + description.uniqueId() + " could not start " + wire
                    + " (DAP_Connect answered " + answered + ")");
        }
        engine.execute(new SwjClockRequest(clockHz));
        engine.execute(TransferConfigureRequest.defaults());
        if (wire == WireProtocol.SWD) {
            engine.execute(SwdConfigureRequest.defaults());
            jtagChain = List.of();
            armDebugPort = true;
            engine.selectDap(0, false);
        } else {
            configureJtagChain();
        }
        protocol = wire;
        engine.execute(new HostStatusRequest(HostStatusRequest.Led.CONNECT, true));
    }

    /**
     * Discovery needs the TAPs in JTAG mode, so an SWJ-DP left in SWD mode is first switched back
     * with the SWD-to-JTAG sequence (56 TMS ones, 0xE73C, 8 ones); plain JTAG TAPs just end up in
     * Test-Logic-Reset. The scan leaves every TAP in Run-Test/Idle.
     */
    private void configureJtagChain() {
        engine.execute(new SwjSequenceRequest(SWD_TO_JTAG_BITS, SWD_TO_JTAG));
        List<JtagTap> taps = new JtagScanner(
                sequences -> engine.execute(new JtagSequenceRequest(sequences)), channel.packetSize()).scan();
        engine.execute(new JtagConfigureRequest(taps.stream().mapToInt(JtagTap::irLength).toArray()));
        int dap = -1;
        for (int i = 0; i < taps.size() && dap < 0; i++) {
            if (taps.get(i).isArmDebugPort()) {
                dap = i;
            }
        }
        jtagChain = List.copyOf(taps);
        armDebugPort = dap >= 0;
        if (armDebugPort) {
            engine.selectDap(dap, true);
        }
    }

    @Override
    public synchronized Optional<WireProtocol> protocol() {
        return Optional.ofNullable(protocol);
    }

    @Override
    public synchronized void disconnect() {
        checkOpen();
        if (protocol == null) {
            return;
        }
        protocol = null;
        engine.execute(new HostStatusRequest(HostStatusRequest.Led.CONNECT, false));
        engine.execute(new DisconnectRequest());
    }

    /** CMSIS-DAP does not say which clock it picked (the nearest not above); this returns the request. */
    @Override
    public synchronized long setClockHz(long requestedHz) {
        checkOpen();
        engine.execute(new SwjClockRequest(requestedHz));
        clockHz = requestedHz;
        return requestedHz;
    }

    /**
     * {@link DapAccess} unless a JTAG chain without an Arm debug port is connected;
     * {@link JtagSequencer} while connected over JTAG.
     */
    @Override
    public <C extends ProbeCapability> Optional<C> capability(Class<C> type) {
        List<ProbeCapability> offered = new ArrayList<>(List.of(swj, reset));
        synchronized (this) {
            if (protocol != WireProtocol.JTAG || armDebugPort) {
                offered.add(0, engine);
            }
            if (protocol == WireProtocol.JTAG) {
                offered.add(jtagSequencer);
            }
        }
        for (ProbeCapability capability : offered) {
            if (type.isInstance(capability)) {
                return Optional.of(type.cast(capability));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (protocol != null && !engine.isDisconnected()) {
                protocol = null;
                engine.execute(new HostStatusRequest(HostStatusRequest.Led.CONNECT, false));
                engine.execute(new DisconnectRequest());
            }
        } catch (ProbeException e) {
            // closing must release the USB handle whatever the probe says
        } finally {
            engine.close();
            channel.close();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new ProbeException("CMSIS-DAP probe " + description.uniqueId() + " is closed");
        }
    }
}
