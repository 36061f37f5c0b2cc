package io.probehost.driver.cmsisdap.internal;

import io.probehost.api.usb.UsbDevice;
import io.probehost.api.usb.UsbException;

/**
 * CMSIS-DAP v1: requests go as OUT reports padded to the report size (through the interrupt OUT
 * endpoint, or SET_REPORT when there is none); replies come as full IN reports.
 */
final class HidTransport extends UsbDapTransport {
    static final int SET_REPORT_REQUEST_TYPE = 0x21;
    static final int SET_REPORT = 0x09;
    /** wValue of SET_REPORT: report type Output (2) in the high byte, report ID 0. */
    static final int OUTPUT_REPORT_ID_0 = 0x0200;

    private final int reportSize;
    private int packetSize;

    HidTransport(UsbDevice device, CmsisDapInterface usbInterface, int timeoutMillis) {
        super(device, usbInterface, timeoutMillis);
        this.reportSize = Math.max(usbInterface.inMaxPacketSize(), DapInfo.MIN_PACKET_SIZE);
        this.packetSize = reportSize;
    }

    @Override
    public String kind() {
        return "v1 HID";
    }

    @Override
    public boolean isBulk() {
        return false;
    }

    @Override
    public void write(byte[] packet, int length) {
        if (length > reportSize) {
            throw new IllegalArgumentException("a " + length + "-byte request does not fit a " + reportSize
                    + "-byte HID report");
        }
        byte[] report = new byte[reportSize];
        System.arraycopy(packet, 0, report, 0, length);
        int written;
        if (usbInterface.hasOutEndpoint()) {
            written = device.interruptTransfer(usbInterface.outEndpoint(), report, 0, reportSize, timeoutMillis);
        } else {
            written = device.controlTransfer(SET_REPORT_REQUEST_TYPE, SET_REPORT, OUTPUT_REPORT_ID_0,
                    usbInterface.number(), report, 0, reportSize, timeoutMillis);
        }
        if (written != reportSize) {
            throw new UsbException("CMSIS-DAP HID write sent " + written + " of " + reportSize + " bytes", 0);
        }
    }

    @Override
    protected int receive(byte[] buffer, int length, int timeout) {
        return device.interruptTransfer(usbInterface.inEndpoint(), buffer, 0, length, timeout);
    }

    @Override
    public int readBufferSize() {
        return reportSize;
    }

    @Override
    public int packetSize() {
        return packetSize;
    }

    /** A HID report cannot grow: the packet size is at most the report size. */
    @Override
    public void setPacketSize(int packetSize) {
        this.packetSize = Math.min(packetSize, reportSize);
    }
}
