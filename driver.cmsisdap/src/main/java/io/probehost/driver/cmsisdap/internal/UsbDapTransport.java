package io.probehost.driver.cmsisdap.internal;

import io.probehost.api.TransferTimeoutException;
import io.probehost.api.usb.UsbDevice;

/**
 * What the v1 HID and v2 bulk transports share: the claimed interface and its timeout, draining
 * stale replies on open, and releasing the interface on close.
 */
abstract class UsbDapTransport implements DapTransport {
    /** Timeout of the reads that drain stale replies on open. */
    static final int DRAIN_TIMEOUT_MILLIS = 10;
    private static final int MAX_STALE_REPLIES = 64;

    protected final UsbDevice device;
    protected final CmsisDapInterface usbInterface;
    protected final int timeoutMillis;
    private boolean closed;

    UsbDapTransport(UsbDevice device, CmsisDapInterface usbInterface, int timeoutMillis) {
        this.device = device;
        this.usbInterface = usbInterface;
        this.timeoutMillis = timeoutMillis;
    }

    /** Reads up to {@code length} bytes from the IN endpoint within {@code timeout} ms; returns how many came. */
    protected abstract int receive(byte[] buffer, int length, int timeout);

    /** Bytes of the buffer that stale replies are drained into. */
    protected int staleBufferSize() {
        return readBufferSize();
    }

    @Override
    public int read(byte[] buffer) {
        return receive(buffer, readBufferSize(), timeoutMillis);
    }

    @Override
    public void discardStale() {
        byte[] buffer = new byte[staleBufferSize()];
        for (int i = 0; i < MAX_STALE_REPLIES; i++) {
            try {
                receive(buffer, buffer.length, DRAIN_TIMEOUT_MILLIS);
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
