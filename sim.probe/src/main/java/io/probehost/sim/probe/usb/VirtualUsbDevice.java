package io.probehost.sim.probe.usb;

import io.probehost.api.usb.UsbEndpointInfo;

/**
 * The device side of the virtual bus. The bus never buffers data: an OUT transfer offers the host's
 * bytes to {@link #receive}, an IN transfer asks {@link #transmit} for the next packet, and either side
 * answers "not now" (a NAK) until the device calls {@link VirtualUsbPort#wake()}. The bus does all the
 * waiting, timeouts and disconnect handling. Callbacks may come from any host thread at the same time;
 * they must not block.
 */
public interface VirtualUsbDevice {

    UsbDeviceDescriptor descriptor();

    /** Plugged into a bus port; the device keeps the port to wake waiting transfers or unplug itself. */
    void plugged(VirtualUsbPort port);

    /** Unplugged; the port is dead from now on. */
    void unplugged();

    /**
     * An OUT transfer on {@code endpoint}.
     *
     * @return false to NAK: the host retries after the next {@link VirtualUsbPort#wake()} until its timeout
     */
    boolean receive(int endpoint, byte[] data);

    /**
     * An IN transfer on {@code endpoint} asks for its next transfer unit (ended by a short packet).
     *
     * @return the bytes, or null to NAK until the next {@link VirtualUsbPort#wake()}
     */
    byte[] transmit(int endpoint);

    /** Largest OUT transfer the endpoint accepts; longer ones are rejected with LIBUSB_ERROR_INVALID_PARAM. */
    default int maxOutTransfer(UsbEndpointInfo endpoint) {
        return endpoint.maxPacketSize();
    }

    /**
     * A control transfer on endpoint 0 (standard requests are answered by the bus from the descriptor).
     * Returns the number of data bytes transferred; throw {@code LibusbError.PIPE} to stall.
     */
    default int control(int requestType, int request, int value, int index, byte[] data, int offset, int length) {
        throw LibusbError.PIPE.exception("control request not supported");
    }
}
