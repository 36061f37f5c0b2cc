package io.probehost.api.usb;

/**
 * One endpoint descriptor.
 *
 * @param address       bEndpointAddress; bit 7 set for IN (device to host)
 * @param type          transfer type from bmAttributes
 * @param maxPacketSize wMaxPacketSize
 */
public record UsbEndpointInfo(int address, UsbTransferType type, int maxPacketSize) {

    public boolean isIn() {
        return (address & 0x80) != 0;
    }
}
