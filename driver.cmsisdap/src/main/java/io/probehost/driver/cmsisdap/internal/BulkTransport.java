package io.probehost.driver.cmsisdap.internal;

import io.probehost.api.TransferTimeoutException;
import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbException;

/**
 * CMSIS-DAP v2: requests go unpadded to the bulk OUT endpoint, replies come as short transfers on
 * the bulk IN endpoint.
 */
final class BulkTransport implements DapTransport {
    /** Timeout of the reads that drain stale replies on open. */
    static final int DRAIN_TIMEOUT_MILLIS = 10;
    private static final int MAX_STALE_REPLIES = 64;

    private final UsbDevice device;
    private final CmsisDapInterface usbInterface;
    private final int timeoutMillis;
    private int packetSize;
    private boolean closed;

    BulkTransport(UsbDevice device, CmsisDapInterface usbInterface, int timeoutMillis) {
        this.device = device;
        this.usbInterface = usbInterface;
        this.timeoutMillis = timeoutMillis;
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
    public int read(byte[] buffer) {
        return device.bulkTransfer(usbInterface.inEndpoint(), buffer, 0, readBufferSize(), timeoutMillis);
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
    public void discardStale() {
        byte[] buffer = new byte[Math.max(readBufferSize(), 1024)];
        for (int i = 0; i < MAX_STALE_REPLIES; i++) {
            try {
                device.bulkTransfer(usbInterface.inEndpoint(), buffer, 0, buffer.length, DRAIN_TIMEOUT_MILLIS);
            } catch (TransferTimeoutException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            device.releaseInterface(usbInterface.number());
        } catch (RuntimeException e) {
            // the device may already be gone; closing must still release the handle
        } finally {
            device.close();
        }
    }
}
