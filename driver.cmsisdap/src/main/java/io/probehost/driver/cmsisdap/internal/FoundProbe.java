package io.probehost.driver.cmsisdap.internal;

import java.util.Optional;

import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.usb.UsbBus;
import io.probehost.api.usb.UsbDeviceInfo;

/** A CMSIS-DAP probe found on a bus: the device, its v1 and/or v2 interface, and how it is listed. */
record FoundProbe(UsbBus bus, UsbDeviceInfo device, Optional<CmsisDapInterface> v1, Optional<CmsisDapInterface> v2,
        ProbeDescription description) {

    /** The interface to use: v2 unless the probe lacks it or v1 is preferred and present. */
    CmsisDapInterface chooseInterface(boolean preferV1) {
        if (preferV1 && v1.isPresent()) {
            return v1.get();
        }
        return v2.or(() -> v1).orElseThrow();
    }

    boolean isDaplink() {
        return device.vendorId() == BoardTable.DAPLINK_VID && device.productId() == BoardTable.DAPLINK_PID;
    }
}
