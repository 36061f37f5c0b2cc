package io.probehost.driver.cmsisdap.internal;

import io.probehost.api.ProbeException;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.usb.UsbDevice;

/** Opens a found probe: claims its interface, drops stale replies, reads DAP_Info, applies the options. */
final class ProbeOpener {

    private ProbeOpener() {
    }

    static CmsisDapProbe open(FoundProbe found, SessionOptions options, int timeoutMillis) {
        CmsisDapInterface usbInterface = found.chooseInterface(options.get(CmsisDapOptions.PREFER_V1));
        UsbDevice device = found.bus().open(found.device());
        DapTransport transport = null;
        try {
            device.claimInterface(usbInterface.number());
            transport = usbInterface.bulk() ? new BulkTransport(device, usbInterface, timeoutMillis)
                    : new HidTransport(device, usbInterface, timeoutMillis);
            transport.discardStale();
            DapChannel channel = new DapChannel(transport);
            DapInfo info = DapInfo.read(channel, usbInterface.bulk(), found.isDaplink());
            int maxInFlight = options.get(CmsisDapOptions.LIMIT_PACKETS) ? 1 : info.packetCount();
            return new CmsisDapProbe(ProbeFinder.withInfo(found.description(), info), channel, info, maxInFlight,
                    options.get(CmsisDapOptions.DEFERRED_TRANSFERS));
        } catch (RuntimeException e) {
            if (transport != null) {
                transport.close();
            } else {
                device.close();
            }
            if (e instanceof ProbeException) {
                throw e;
            }
            throw new ProbeException("cannot open CMSIS-DAP probe " + found.description().uniqueId() + ": "
                    + e.getMessage(), e);
        }
    }
}
