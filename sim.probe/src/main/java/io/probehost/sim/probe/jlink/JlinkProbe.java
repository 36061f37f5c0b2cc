package io.probehost.sim.probe.jlink;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.adi.SwjPins;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.mcu.DebuggableMcu;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.probe.cmsisdap.LinkMeter;
import io.probehost.sim.probe.usb.BulkProbeDevice;
import io.probehost.sim.probe.usb.UsbDeviceDescriptor;

/**
 * A virtual SEGGER J-Link wired to a virtual target's {@link SwjPins}: plug it into a
 * {@link io.probehost.sim.probe.usb.VirtualUsbBus}. Requests arrive on the bulk OUT endpoint, whole or
 * in pieces (a long HW_JTAG3 spans several transfers); each complete request is executed at once, and
 * its answer, when it has one, waits for the host's next IN transfer as one transfer. Unplugging is a
 * power loss: the firmware restarts (JTAG selected, default speed, target power off).
 */
public final class JlinkProbe extends BulkProbeDevice {
    /** The largest OUT transfer accepted: a full 64 KiB HW_JTAG3 request fits. */
    static final int MAX_OUT_TRANSFER = 4 + 2 * 8192;

    private final JlinkConfig config;
    private final SwjPins pins;
    private final LinkMeter link;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private JlinkFirmware firmware;

    public JlinkProbe(JlinkConfig config, SwjPins pins, VirtualClock clock) {
        super(new UsbDeviceDescriptor(JlinkModel.VENDOR_ID, config.model().productId(),
                config.model().interfaces().size() > 1 ? 0xEF : 0x00, "SEGGER", config.model().product(),
                config.serialNumber(), config.model().interfaces()),
                config.model().outEndpoint(), config.model().inEndpoint(), MAX_OUT_TRANSFER);
        this.config = config;
        this.pins = pins;
        this.link = new LinkMeter(clock);
        this.firmware = new JlinkFirmware(config, pins, link);
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

    @Override
    protected void powerLost() {
        pending.reset();
        firmware = new JlinkFirmware(config, pins, link);
    }

    @Override
    protected boolean accept(byte[] data) {
        link.bytesOut(data.length, data.length * config.timing().nanosPerByte());
        pending.writeBytes(data);
        executeWhole();
        return true;
    }

    @Override
    protected void answerSent(int length) {
        link.bytesIn(length, length * config.timing().nanosPerByte());
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
                    answer(answer);
                }
            } catch (RuntimeException e) {
                firmwareFailed(e);
            }
        }
        pending.reset();
        pending.write(buffer, start, buffer.length - start);
    }
}
