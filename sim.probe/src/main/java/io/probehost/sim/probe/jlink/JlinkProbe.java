package io.probehost.sim.probe.jlink;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;

import io.probehost.api.usb.UsbEndpointInfo;
import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.adi.SwjPins;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.mcu.DebuggableMcu;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.probe.cmsisdap.LinkMeter;
import io.probehost.sim.probe.usb.LibusbError;
import io.probehost.sim.probe.usb.UsbDeviceDescriptor;
import io.probehost.sim.probe.usb.UsbPlug;
import io.probehost.sim.probe.usb.VirtualUsbDevice;
import io.probehost.sim.probe.usb.VirtualUsbPort;

/**
 * A virtual SEGGER J-Link wired to a virtual target's {@link SwjPins}: plug it into a
 * {@link io.probehost.sim.probe.usb.VirtualUsbBus}. Requests arrive on the bulk OUT endpoint, whole or
 * in pieces (a long HW_JTAG3 spans several transfers); each complete request is executed at once, and
 * its answer, when it has one, waits for the host's next IN transfer as one transfer. Unplugging is a
 * power loss: the firmware restarts (JTAG selected, default speed, target power off).
 */
public final class JlinkProbe implements VirtualUsbDevice, AutoCloseable {
    /** The largest OUT transfer accepted: a full 64 KiB HW_JTAG3 request fits. */
    static final int MAX_OUT_TRANSFER = 4 + 2 * 8192;

    private final JlinkConfig config;
    private final SwjPins pins;
    private final LinkMeter link;
    private final UsbDeviceDescriptor descriptor;
    private final UsbPlug plug;
    private final Deque<byte[]> answers = new ArrayDeque<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private JlinkFirmware firmware;
    private volatile RuntimeException lastFirmwareError;

    public JlinkProbe(JlinkConfig config, SwjPins pins, VirtualClock clock) {
        this.config = config;
        this.pins = pins;
        this.link = new LinkMeter(clock);
        this.plug = new UsbPlug("probe " + config.serialNumber());
        this.firmware = new JlinkFirmware(config, pins, link);
        this.descriptor = new UsbDeviceDescriptor(JlinkModel.VENDOR_ID, config.model().productId(),
                config.model().interfaces().size() > 1 ? 0xEF : 0x00, "SEGGER", config.model().product(),
                config.serialNumber(), config.model().interfaces());
    }

    /** A J-Link in front of {@code mcu}: its SWJ-DP powered up in SWD, as the lab wires one in a line. */
    public static JlinkProbe inFrontOf(DebuggableMcu mcu, JlinkConfig config) {
        return new JlinkProbe(config, new SwjDp(mcu, WireMode.SWD, 0), mcu.clock());
    }

    public JlinkConfig config() {
        return config;
    }

    /**
     * Counters and modelled time of this probe's link: each request costs a USB round trip and its
     * bytes ({@link JlinkConfig#timing()}), each HW_JTAG3 bit a cycle at the selected speed.
     */
    public LinkMeter link() {
        return link;
    }

    /** The speed SET_SPEED last set, in kHz (the default after power-up and SELECT_IF). */
    public synchronized int speedKhz() {
        return firmware.speedKhz();
    }

    /** The selected target interface: 0 JTAG, 1 SWD. */
    public synchronized int selectedInterface() {
        return firmware.selectedInterface();
    }

    /** Whether SET_KS_POWER switched the 5 V target supply on. */
    public synchronized boolean targetPower() {
        return firmware.targetPower();
    }

    /** The last request the firmware could not execute (it got no answer). */
    public Optional<RuntimeException> lastFirmwareError() {
        return Optional.ofNullable(lastFirmwareError);
    }

    public boolean isPlugged() {
        return plug.isPlugged();
    }

    @Override
    public void close() {
        plug.unplug();
    }

    @Override
    public UsbDeviceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void plugged(VirtualUsbPort port) {
        plug.plugged(port);
    }

    @Override
    public synchronized void unplugged() {
        plug.unplugged();
        answers.clear();
        pending.reset();
        firmware = new JlinkFirmware(config, pins, link);
    }

    @Override
    public int maxOutTransfer(UsbEndpointInfo endpoint) {
        return endpoint.address() == config.model().outEndpoint() ? MAX_OUT_TRANSFER : endpoint.maxPacketSize();
    }

    @Override
    public boolean receive(int endpoint, byte[] data) {
        if (endpoint != config.model().outEndpoint()) {
            throw LibusbError.PIPE.exception(String.format("endpoint 0x%02X is not served", endpoint));
        }
        synchronized (this) {
            link.bytesOut(data.length, data.length * config.timing().nanosPerByte());
            pending.writeBytes(data);
            executeWhole();
        }
        plug.wake();
        return true;
    }

    /** Executes every complete request waiting in the OUT buffer. */
    private void executeWhole() {
        byte[] buffer = pending.toByteArray();
        int start = 0;
        while (true) {
            byte[] rest = Arrays.copyOfRange(buffer, start, buffer.length);
            int length = EmuCommand.requestLength(rest, rest.length);
            if (length < 0) {
                break;
            }
            start += length;
            link.roundTrip(config.timing().roundTripNanos());
            try {
                byte[] answer = firmware.execute(Arrays.copyOf(rest, length));
                if (answer != null) {
                    answers.add(answer);
                }
            } catch (RuntimeException e) {
                lastFirmwareError = e;
            }
        }
        pending.reset();
        pending.write(buffer, start, buffer.length - start);
    }

    @Override
    public byte[] transmit(int endpoint) {
        if (endpoint != config.model().inEndpoint()) {
            throw LibusbError.PIPE.exception(String.format("endpoint 0x%02X is not served", endpoint));
        }
        synchronized (this) {
            byte[] answer = answers.poll();
            if (answer != null) {
                link.bytesIn(answer.length, answer.length * config.timing().nanosPerByte());
            }
            return answer;
        }
    }
}
