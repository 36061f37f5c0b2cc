package io.probehost.sim.probe.stlink;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.probehost.api.usb.UsbEndpointInfo;
import io.probehost.api.usb.UsbInterfaceInfo;
import io.probehost.api.usb.UsbTransferType;
import io.probehost.sim.adi.SwjPins;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.probe.usb.BulkProbeDevice;
import io.probehost.sim.probe.usb.UsbDeviceDescriptor;

/**
 * A virtual ST-Link wired to a virtual target's {@link SwjPins}: plug it into a
 * {@link io.probehost.sim.probe.usb.VirtualUsbBus}. Interface 0 is the debug interface (vendor class,
 * bulk OUT / IN / trace IN at the variant's addresses). V2-1 and V3 also describe their mass-storage
 * interface (1) and virtual COM port (2: CDC control, 3: CDC data) so the descriptor looks like the real
 * composite device; those interfaces' endpoints stall. A 16-byte command block on OUT is executed at
 * once (its answer waits for the host's IN transfer); a WRITEMEM block's data phase is the next OUT
 * transfer(s) up to the announced length. Unplugging is a power loss: the firmware restarts.
 */
public final class StlinkProbe extends BulkProbeDevice {
    private static final int COMMAND_LENGTH = 16;
    private static final int MAX_OUT_TRANSFER = 6144;

    private final StlinkConfig config;
    private final SwjPins pins;
    private final StlinkLink link;
    private final ByteArrayOutputStream dataPhase = new ByteArrayOutputStream();
    private StlinkFirmware firmware;

    public StlinkProbe(StlinkConfig config, SwjPins pins, VirtualClock clock) {
        super(new UsbDeviceDescriptor(StlinkModel.VENDOR_ID, config.model().productId(),
                config.model().hasMassStorage() ? 0xEF : 0x00, "STMicroelectronics", config.model().product(),
                config.serialNumber(), interfaces(config.model())),
                config.model().outEndpoint(), config.model().inEndpoint(), MAX_OUT_TRANSFER);
        this.config = config;
        this.pins = pins;
        this.link = new StlinkLink(config.timing(), clock);
        this.firmware = new StlinkFirmware(config, pins, link);
    }

    private static List<UsbInterfaceInfo> interfaces(StlinkModel model) {
        int size = model.packetSize();
        List<UsbInterfaceInfo> list = new ArrayList<>();
        list.add(new UsbInterfaceInfo(0, UsbInterfaceInfo.CLASS_VENDOR_SPECIFIC, 0xFF, 0xFF, "ST-Link Debug",
                List.of(new UsbEndpointInfo(model.inEndpoint(), UsbTransferType.BULK, size),
                        new UsbEndpointInfo(model.outEndpoint(), UsbTransferType.BULK, size),
                        new UsbEndpointInfo(model.traceEndpoint(), UsbTransferType.BULK, size))));
        if (model.hasMassStorage()) {
            list.add(new UsbInterfaceInfo(1, 0x08, 0x06, 0x50, "Mass Storage",
                    List.of(new UsbEndpointInfo(0x83, UsbTransferType.BULK, size),
                            new UsbEndpointInfo(0x03, UsbTransferType.BULK, size))));
            list.add(new UsbInterfaceInfo(2, 0x02, 0x02, 0x01, "ST-Link VCP Ctrl",
                    List.of(new UsbEndpointInfo(0x84, UsbTransferType.INTERRUPT, 16))));
            list.add(new UsbInterfaceInfo(3, 0x0A, 0x00, 0x00, "ST-Link VCP Data",
                    List.of(new UsbEndpointInfo(0x85, UsbTransferType.BULK, size),
                            new UsbEndpointInfo(0x05, UsbTransferType.BULK, size))));
        }
        return list;
    }

    public StlinkConfig config() {
        return config;
    }

    /** Counters and modelled time of this probe's link. */
    public StlinkLink link() {
        return link;
    }

    /** The SWD clock in kHz the host selected (divisor table on V2, SET_COM_FREQ on V3). */
    public synchronized int swdKhz() {
        return firmware.swdKhz();
    }

    public synchronized int jtagKhz() {
        return firmware.jtagKhz();
    }

    // ---- BulkProbeDevice ----

    @Override
    protected void powerLost() {
        dataPhase.reset();
        firmware = new StlinkFirmware(config, pins, link);
    }

    @Override
    protected boolean accept(byte[] data) {
        link.bytesOut(data.length);
        if (data.length == 0) {
            return false;
        }
        try {
            if (firmware.pendingDataLength() > 0) {
                takeData(data);
            } else {
                command(data);
            }
        } catch (RuntimeException e) {
            firmwareFailed(e);
            return false;
        }
        return true;
    }

    /** SWV is not modelled: the trace endpoint never has data. */
    @Override
    protected boolean isSilent(int endpoint) {
        return endpoint == config.model().traceEndpoint();
    }

    @Override
    protected void answerSent(int length) {
        link.bytesIn(length);
    }

    private void command(byte[] data) {
        link.command();
        byte[] answer = firmware.execute(Arrays.copyOf(data, Math.min(data.length, COMMAND_LENGTH)));
        if (answer != null) {
            answer(answer);
        }
        if (data.length > COMMAND_LENGTH && firmware.pendingDataLength() > 0) {
            takeData(Arrays.copyOfRange(data, COMMAND_LENGTH, data.length));
        }
    }

    private void takeData(byte[] data) {
        dataPhase.writeBytes(data);
        if (dataPhase.size() >= firmware.pendingDataLength()) {
            byte[] all = dataPhase.toByteArray();
            dataPhase.reset();
            firmware.data(all);
        }
    }
}
