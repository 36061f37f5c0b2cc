package io.probehost.api.usb;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An opened USB device. Endpoint addresses carry the direction in bit 7, as in libusb.
 * Every transfer takes a timeout and throws rather than returning a status code:
 * {@link io.probehost.api.TransferTimeoutException} when it expires,
 * {@link io.probehost.api.ProbeDisconnectedException} when the device is gone,
 * {@link UsbException} for any other failure.
 */
@ProviderType
public interface UsbDevice extends AutoCloseable {

    UsbDeviceInfo info();

    void claimInterface(int interfaceNumber);

    void releaseInterface(int interfaceNumber);

    /** A bulk transfer; returns the number of bytes actually transferred. */
    int bulkTransfer(int endpoint, byte[] data, int offset, int length, int timeoutMillis);

    /** An interrupt transfer (HID reports); returns the number of bytes actually transferred. */
    int interruptTransfer(int endpoint, byte[] data, int offset, int length, int timeoutMillis);

    /**
     * A control transfer on endpoint 0; bit 7 of {@code requestType} gives the direction.
     * Returns the number of data bytes transferred.
     */
    int controlTransfer(int requestType, int request, int value, int index, byte[] data, int offset, int length,
            int timeoutMillis);

    /** Releases claimed interfaces and closes the handle. Idempotent. */
    @Override
    void close();
}
