package io.probehost.sim.probe.cmsisdap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import io.probehost.api.usb.UsbEndpointInfo;
import io.probehost.api.usb.UsbInterfaceInfo;
import io.probehost.sim.adi.SwjPins;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.probe.usb.LibusbError;
import io.probehost.sim.probe.usb.UsbDeviceDescriptor;
import io.probehost.sim.probe.usb.UsbPlug;
import io.probehost.sim.probe.usb.VirtualUsbDevice;
import io.probehost.sim.probe.usb.VirtualUsbPort;

/**
 * A virtual CMSIS-DAP probe wired to a virtual target's {@link SwjPins}: plug it into a
 * {@link io.probehost.sim.probe.usb.VirtualUsbBus}. One firmware thread executes the requests of all its
 * interfaces in arrival order. Descriptor layout: with both transports, interface 0 is the v1 HID
 * interface (interrupt IN 0x81, OUT 0x01, 64 bytes) and interface 1 the v2 vendor interface
 * "CMSIS-DAP v2" (bulk OUT 0x02 then bulk IN 0x82, 512 bytes); with one transport it is interface 0
 * with endpoints 0x01 / 0x81. Unplugging is a power loss: the firmware restarts with its defaults.
 */
public final class CmsisDapProbe implements VirtualUsbDevice, AutoCloseable {
    private static final byte[] POWER_CYCLE = new byte[0];
    private static final int HID_SET_REPORT_TYPE = 0x21;
    private static final int HID_SET_REPORT = 0x09;

    private final CmsisDapConfig config;
    private final SwjPins pins;
    private final LinkModel link;
    private final FaultInjector faults;
    private final List<DapInterface> interfaces = new ArrayList<>();
    private final UsbDeviceDescriptor descriptor;
    private final BlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
    private final Thread firmwareThread;
    private volatile DapFirmware firmware;
    private final UsbPlug plug;
    private volatile RuntimeException lastFirmwareError;
    private volatile boolean closed;

    private record Job(DapInterface source, long epoch, byte[] packet) {
    }

    public CmsisDapProbe(CmsisDapConfig config, SwjPins pins, VirtualClock clock) {
        this.config = config;
        this.plug = new UsbPlug("probe " + config.serialNumber());
        this.pins = pins;
        this.link = new LinkModel(config.linkTiming(), clock);
        this.faults = new FaultInjector(this::unplug);
        this.firmware = new DapFirmware(config, pins, link);
        boolean both = config.hid() && config.bulk();
        if (config.hid()) {
            interfaces.add(new DapInterface(this, DapTransportKind.V1_HID, 0, 0x01, 0x81,
                    CmsisDapConfig.HID_PACKET_SIZE, config.hidPacketCount(), "CMSIS-DAP v1"));
        }
        if (config.bulk()) {
            int number = both ? 1 : 0;
            int endpoint = both ? 0x02 : 0x01;
            interfaces.add(new DapInterface(this, DapTransportKind.V2_BULK, number, endpoint, endpoint | 0x80,
                    CmsisDapConfig.BULK_PACKET_SIZE, config.bulkPacketCount(), "CMSIS-DAP v2"));
        }
        List<UsbInterfaceInfo> infos = interfaces.stream().map(DapInterface::descriptor).toList();
        this.descriptor = new UsbDeviceDescriptor(config.vendorId(), config.productId(), config.deviceClass(),
                config.manufacturer(), config.product(), config.serialNumber(), infos);
        this.firmwareThread = new Thread(this::runFirmware, "cmsis-dap-" + config.serialNumber());
        firmwareThread.setDaemon(true);
        firmwareThread.start();
    }

    public CmsisDapConfig config() {
        return config;
    }

    /** Counters and modelled time of this probe's link. */
    public LinkModel link() {
        return link;
    }

    public FaultInjector faults() {
        return faults;
    }

    /** The SWJ clock the host set (capped at the configured maximum). */
    public long swjClockHz() {
        return firmware.clockHz();
    }

    /** The last exception the target's pins threw into the firmware (that request got no answer). */
    public Optional<RuntimeException> lastFirmwareError() {
        return Optional.ofNullable(lastFirmwareError);
    }

    public boolean isPlugged() {
        return plug.isPlugged();
    }

    /** Unplugs the probe (if plugged) and ends its firmware thread. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        unplug();
        firmwareThread.interrupt();
        try {
            firmwareThread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- VirtualUsbDevice ----

    @Override
    public UsbDeviceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void plugged(VirtualUsbPort newPort) {
        if (closed) {
            throw new IllegalStateException("probe " + config.serialNumber() + " is closed");
        }
        plug.plugged(newPort);
    }

    @Override
    public void unplugged() {
        plug.unplugged();
        interfaces.forEach(DapInterface::reset);
        jobs.add(new Job(null, 0, POWER_CYCLE));
    }

    @Override
    public boolean receive(int endpoint, byte[] data) {
        return interfaceOf(endpoint).receive(data);
    }

    @Override
    public byte[] transmit(int endpoint) {
        return interfaceOf(endpoint).transmit();
    }

    @Override
    public int maxOutTransfer(UsbEndpointInfo endpoint) {
        return endpoint.maxPacketSize();
    }

    /** HID SET_REPORT (output report) is taken as a request packet, as for hosts without an OUT endpoint. */
    @Override
    public int control(int requestType, int request, int value, int index, byte[] data, int offset, int length) {
        for (DapInterface i : interfaces) {
            if (i.kind() == DapTransportKind.V1_HID && requestType == HID_SET_REPORT_TYPE
                    && request == HID_SET_REPORT && (value >>> 8) == 0x02 && index == i.number()
                    && length <= CmsisDapConfig.HID_PACKET_SIZE) {
                i.receive(Arrays.copyOfRange(data, offset, offset + length));
                return length;
            }
        }
        throw LibusbError.PIPE.exception("control request not supported");
    }

    // ---- package-private plumbing ----

    void submit(DapInterface source, long epoch, byte[] packet) {
        jobs.add(new Job(source, epoch, packet));
    }

    void abortTransfer() {
        firmware.abortTransfer();
    }

    void wake() {
        plug.wake();
    }

    void unplug() {
        plug.unplug();
    }

    private DapInterface interfaceOf(int endpoint) {
        for (DapInterface i : interfaces) {
            if (i.owns(endpoint)) {
                return i;
            }
        }
        throw LibusbError.NOT_FOUND.exception(String.format("no endpoint 0x%02X", endpoint));
    }

    private void runFirmware() {
        try {
            while (!closed) {
                Job job = jobs.take();
                if (job.packet() == POWER_CYCLE) {
                    powerCycle();
                    continue;
                }
                faults.awaitAnswering();
                if (!job.source().isCurrent(job.epoch())) {
                    continue;
                }
                link.roundTrip(job.source().kind());
                byte[] response;
                try {
                    response = firmware.execute(job.packet(), job.source().profile());
                } catch (RuntimeException e) {
                    lastFirmwareError = e;
                    continue;
                }
                job.source().complete(job.epoch(), response);
            }
        } catch (InterruptedException e) {
            // close(): the firmware stops
        }
    }

    private void powerCycle() {
        try {
            firmware.execute(new byte[] {(byte) DapCommand.DISCONNECT.code()},
                    new TransportProfile(DapTransportKind.V2_BULK, CmsisDapConfig.BULK_PACKET_SIZE, 1));
        } catch (RuntimeException e) {
            lastFirmwareError = e;
        }
        firmware = new DapFirmware(config, pins, link);
    }
}
