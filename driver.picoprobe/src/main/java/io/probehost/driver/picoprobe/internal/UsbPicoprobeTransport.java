package io.probehost.driver.picoprobe.internal;

import java.util.Arrays;

import io.probehost.api.ProbeException;
import io.probehost.api.ProtocolException;
import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbEndpointInfo;
import io.probehost.api.usb.UsbInterfaceInfo;

/**
 * {@link PicoprobeTransport} on the first vendor-class interface of the device and its OUT and IN
 * endpoints, found as pyOCD finds them (interface 2, OUT 0x04, IN 0x85 on the real firmware).
 */
final class UsbPicoprobeTransport implements PicoprobeTransport {
    static final int TIMEOUT_MILLIS = 2000;

    private final UsbDevice device;
    private final int outEndpoint;
    private final int inEndpoint;

    UsbPicoprobeTransport(UsbDevice device) {
        this.device = device;
        UsbInterfaceInfo probe = device.info().interfaces().stream()
                .filter(i -> i.interfaceClass() == UsbInterfaceInfo.CLASS_VENDOR_SPECIFIC)
                .findFirst()
                .orElseThrow(() -> closing(device, "has no vendor-specific interface"));
        this.outEndpoint = probe.endpoints().stream().mapToInt(UsbEndpointInfo::address).filter(a -> (a & 0x80) == 0)
                .findFirst().orElseThrow(() -> closing(device, "has no OUT endpoint on its probe interface"));
        this.inEndpoint = probe.endpoints().stream().mapToInt(UsbEndpointInfo::address).filter(a -> (a & 0x80) != 0)
                .findFirst().orElseThrow(() -> closing(device, "has no IN endpoint on its probe interface"));
        device.claimInterface(probe.number());
    }

    private static ProbeException closing(UsbDevice device, String problem) {
        device.close();
        return new ProbeException("Picoprobe " + device.info().serialNumber() + " " + problem);
    }

    @Override
    public void write(byte[] packet) {
        int sent = device.bulkTransfer(outEndpoint, packet, 0, packet.length, TIMEOUT_MILLIS);
        if (sent != packet.length) {
            throw new ProtocolException("Picoprobe took " + sent + " of " + packet.length + " bytes");
        }
    }

    @Override
    public byte[] read(int maxLength) {
        byte[] buffer = new byte[maxLength];
        int received = device.bulkTransfer(inEndpoint, buffer, 0, maxLength, TIMEOUT_MILLIS);
        return Arrays.copyOf(buffer, Math.max(0, received));
    }

    @Override
    public void close() {
        device.close();
    }
}
