package io.probehost.driver.cmsisdap.internal;

import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbException;

/**
 * CMSIS-DAP v2: requests go unpadded to the bulk OUT endpoint, replies come as short transfers on
 * the bulk IN endpoint.
 */
final class BulkTransport extends UsbDapTransport {
    private int packetSize;

    BulkTransport(UsbDevice device, CmsisDapInterface usbInterface, int timeoutMillis) {
        super(device, usbInterface, timeoutMillis);
        this.packetSize = Math.max(usbInterface.inMaxPacketSize(), DapInfo.MIN_PACKET_SIZE);
    }

    @Override
    public String kind() {
        return "v2 bulk";
    }

    @Override
    public boolean isBulk() {
        return true;
    }

    @Override
    public void write(byte[] packet, int length) {
        int written = device.bulkTransfer(usbInterface.outEndpoint(), packet, 0, length, timeoutMillis);
        if (written != length) {
            throw new UsbException("CMSIS-DAP bulk write sent " + written + " of " + length + " bytes", 0);
        }
        // A request filling whole USB packets but shorter than a DAP packet needs a zero-length
        // packet to end the transfer, or the probe waits for more.
        int usbPacket = usbInterface.outMaxPacketSize();
        if (usbPacket > 0 && length % usbPacket == 0 && length < packetSize) {
            device.bulkTransfer(usbInterface.outEndpoint(), packet, 0, 0, timeoutMillis);
        }
    }

    @Override
    protected int receive(byte[] buffer, int length, int timeout) {
        return device.bulkTransfer(usbInterface.inEndpoint(), buffer, 0, length, timeout);
    }

    @Override
    public int readBufferSize() {
        return Math.max(packetSize, usbInterface.inMaxPacketSize());
    }

    @Override
    public int packetSize() {
        return packetSize;
    }

    @Override
    public void setPacketSize(int packetSize) {
        this.packetSize = packetSize;
    }

    @Override
    protected int staleBufferSize() {
        return Math.max(readBufferSize(), 1024);
    }
}
