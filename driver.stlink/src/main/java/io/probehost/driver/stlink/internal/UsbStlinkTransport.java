package io.probehost.driver.stlink.internal;

import io.probehost.api.ProtocolException;
import io.probehost.api.usb.UsbDevice;

/** {@link StlinkTransport} on interface 0 of a USB device, with the model's endpoints. */
final class UsbStlinkTransport implements StlinkTransport {
    static final int INTERFACE = 0;
    static final int TIMEOUT_MILLIS = 2000;

    private final UsbDevice device;
    private final StlinkModel model;

    UsbStlinkTransport(UsbDevice device, StlinkModel model) {
        this.device = device;
        this.model = model;
        device.claimInterface(INTERFACE);
    }

    @Override
    public void write(byte[] data) {
        int sent = device.bulkTransfer(model.outEndpoint(), data, 0, data.length, TIMEOUT_MILLIS);
        if (sent != data.length) {
            throw new ProtocolException("ST-Link took " + sent + " of " + data.length + " bytes");
        }
    }

    @Override
    public byte[] read(int length) {
        byte[] buffer = new byte[length];
        int received = 0;
        while (received < length) {
            int got = device.bulkTransfer(StlinkModel.IN_ENDPOINT, buffer, received, length - received,
                    TIMEOUT_MILLIS);
            if (got <= 0) {
                throw new ProtocolException("ST-Link answered " + received + " of " + length + " bytes");
            }
            received += got;
        }
        return buffer;
    }

    @Override
    public void close() {
        device.close();
    }
}
