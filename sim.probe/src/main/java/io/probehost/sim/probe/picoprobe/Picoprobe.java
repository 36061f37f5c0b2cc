package io.probehost.sim.probe.picoprobe;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.probehost.api.usb.UsbEndpointInfo;
import io.probehost.api.usb.UsbInterfaceInfo;
import io.probehost.api.usb.UsbTransferType;
import io.probehost.sim.adi.SwjPins;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.probe.usb.BulkProbeDevice;
import io.probehost.sim.probe.usb.UsbDeviceDescriptor;

/**
 * A virtual legacy Picoprobe (note §1): 2E8A:0004, bDeviceClass 0, strings "Raspberry Pi" /
 * "Picoprobe" / 16 uppercase hex digits; interfaces 0 and 1 are the CDC UART bridge (their
 * endpoints stall: the UART is not modelled), interface 2 the vendor-class probe with bulk OUT 0x04
 * and bulk IN 0x85, 64-byte packets. OUT data accumulates until it holds as many bytes as the
 * packet's length field says, then the packet runs; its response (when it read bits) waits for the
 * host's IN transfer. A packet that overruns its length field or the 8 KB buffer is dropped.
 * Unplugging is a power loss: the firmware restarts at 1 MHz.
 */
public final class Picoprobe extends BulkProbeDevice {
    public static final int VENDOR_ID = 0x2E8A;
    public static final int PRODUCT_ID = 0x0004;
    public static final int OUT_ENDPOINT = 0x04;
    public static final int IN_ENDPOINT = 0x85;
    public static final int PROBE_INTERFACE = 2;
    public static final int PACKET_SIZE = 64;
    /** PROBE_BUF_SIZE: the RX and TX buffers. */
    public static final int BUFFER_SIZE = 8192;

    private final SwjPins pins;
    private final PicoprobeLink link;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private PicoprobeFirmware firmware;

    public Picoprobe(String serial, SwjPins pins, PicoprobeLink link) {
        super(new UsbDeviceDescriptor(VENDOR_ID, PRODUCT_ID, 0x00, "Raspberry Pi", "Picoprobe", serial,
                List.of(new UsbInterfaceInfo(0, 0x02, 0x02, 0x00, "",
                                List.of(new UsbEndpointInfo(0x81, UsbTransferType.INTERRUPT, 8))),
                        new UsbInterfaceInfo(1, 0x0A, 0x00, 0x00, "",
                                List.of(new UsbEndpointInfo(0x02, UsbTransferType.BULK, PACKET_SIZE),
                                        new UsbEndpointInfo(0x83, UsbTransferType.BULK, PACKET_SIZE))),
                        new UsbInterfaceInfo(PROBE_INTERFACE, UsbInterfaceInfo.CLASS_VENDOR_SPECIFIC, 0x00, 0x00, "",
                                List.of(new UsbEndpointInfo(OUT_ENDPOINT, UsbTransferType.BULK, PACKET_SIZE),
                                        new UsbEndpointInfo(IN_ENDPOINT, UsbTransferType.BULK, PACKET_SIZE))))),
                OUT_ENDPOINT, IN_ENDPOINT, BUFFER_SIZE);
        this.pins = pins;
        this.link = link;
        this.firmware = new PicoprobeFirmware(pins, link);
    }

    /** A Picoprobe in front of a target's pins, on a full-speed link timed on the target's clock. */
    public static Picoprobe inFrontOf(SwjPins pins, VirtualClock clock, String serial) {
        return new Picoprobe(serial, pins, new PicoprobeLink(PicoprobeLink.FULL_SPEED_ROUND_TRIP_NANOS,
                PicoprobeLink.FULL_SPEED_NANOS_PER_BYTE, clock));
    }

    /** A stable serial as the firmware forms it: 16 uppercase hex digits, here derived from {@code seed}. */
    public static String serialFor(String seed) {
        return String.format("%016X", UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits());
    }

    public PicoprobeLink link() {
        return link;
    }

    /** SWCLK as the PIO divider makes it, in Hz. */
    public synchronized long swclkHz() {
        return firmware.swclkHz();
    }

    @Override
    protected void powerLost() {
        received.reset();
        firmware = new PicoprobeFirmware(pins, link);
    }

    @Override
    protected boolean accept(byte[] data) {
        link.bytesOut(data.length);
        received.writeBytes(data);
        byte[] packet = completePacket();
        if (packet == null) {
            return false;
        }
        link.packet();
        try {
            byte[] response = firmware.execute(packet);
            if (response != null) {
                answer(response);
                return true;
            }
        } catch (RuntimeException e) {
            firmwareFailed(e);
        }
        return false;
    }

    @Override
    protected void answerSent(int length) {
        link.bytesIn(length);
    }

    /** The packet once all its bytes are in; drops what overruns its length or the buffer. */
    private byte[] completePacket() {
        if (received.size() < 4) {
            return null;
        }
        byte[] bytes = received.toByteArray();
        long length = Integer.toUnsignedLong(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt());
        if (bytes.length < length && bytes.length < BUFFER_SIZE) {
            return null;
        }
        received.reset();
        if (bytes.length != length) {
            firmwareFailed(new IllegalArgumentException(String.format(
                    "packet of %d bytes does not match its length field %d", bytes.length, length)));
            return null;
        }
        return bytes;
    }
}
