package io.probehost.driver.stlink.internal;

import java.util.Optional;

import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.usb.UsbBus;
import io.probehost.api.usb.UsbDeviceInfo;

/** An ST-Link found on a bus: the device, its model, and how it is listed. */
record FoundProbe(UsbBus bus, UsbDeviceInfo device, StlinkModel model, ProbeDescription description) {

    static final String DRIVER_NAME = "stlink";

    /** The probe when the device is a debug-capable ST-Link. */
    static Optional<FoundProbe> of(UsbBus bus, UsbDeviceInfo device, Optional<BoardTable.Board> board) {
        if (device.vendorId() != StlinkModel.VENDOR_ID) {
            return Optional.empty();
        }
        return StlinkModel.fromProductId(device.productId()).map(model -> new FoundProbe(bus, device, model,
                new ProbeDescription(DRIVER_NAME, uniqueId(device), "STMicroelectronics", model.displayName(),
                        board.map(BoardTable.Board::vendor).orElse(""), board.map(BoardTable.Board::name).orElse(""),
                        board.map(BoardTable.Board::target).orElse(""), bus.name() + ":" + device.location())));
    }

    /**
     * The serial number; old V2 firmware give 12 raw bytes instead of 24 hex characters, which
     * become 24 upper-case hex characters as other hosts show them. No serial: the location.
     */
    static String uniqueId(UsbDeviceInfo device) {
        String serial = device.serialNumber();
        if (serial.isEmpty()) {
            return device.busName() + ":" + device.location();
        }
        if (serial.length() == 12 && !serial.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            StringBuilder hex = new StringBuilder();
            serial.chars().forEach(c -> hex.append(String.format("%02X", c & 0xFF)));
            return hex.toString();
        }
        return serial;
    }
}
