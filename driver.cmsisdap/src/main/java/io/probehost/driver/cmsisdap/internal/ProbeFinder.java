package io.probehost.driver.cmsisdap.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.probehost.api.ProbeException;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.usb.UsbBus;
import io.probehost.api.usb.UsbDeviceInfo;

/**
 * Finds CMSIS-DAP probes in a bus's device list without opening them: a device with a v2 or v1
 * interface is one probe. Board and target come from the DAPLink board table, or from the
 * DAP_Info strings remembered from an earlier open of the same probe.
 */
final class ProbeFinder {
    static final String DRIVER_NAME = "cmsisdap";

    private final BoardTable boards;
    private final Map<String, DapInfo> openedBefore;

    ProbeFinder(BoardTable boards, Map<String, DapInfo> openedBefore) {
        this.boards = boards;
        this.openedBefore = openedBefore;
    }

    List<FoundProbe> find(UsbBus bus) {
        List<UsbDeviceInfo> devices;
        try {
            devices = bus.devices();
        } catch (RuntimeException e) {
            throw new ProbeException("CMSIS-DAP: cannot list the devices of USB bus '" + bus.name() + "': "
                    + e.getMessage(), e);
        }
        List<FoundProbe> found = new ArrayList<>();
        for (UsbDeviceInfo device : devices) {
            try {
                examine(bus, device).ifPresent(found::add);
            } catch (RuntimeException e) {
                throw new ProbeException("CMSIS-DAP: cannot examine USB device " + device.vidPid() + " at "
                        + bus.name() + ":" + device.location() + ": " + e.getMessage(), e);
            }
        }
        return found;
    }

    private Optional<FoundProbe> examine(UsbBus bus, UsbDeviceInfo device) {
        Optional<CmsisDapInterface> v2 = CmsisDapInterface.findV2(device);
        Optional<CmsisDapInterface> v1 = CmsisDapInterface.findV1(device);
        if (v1.isEmpty() && v2.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FoundProbe(bus, device, v1, v2, describe(bus, device)));
    }

    private ProbeDescription describe(UsbBus bus, UsbDeviceInfo device) {
        String uniqueId = UniqueIds.of(device);
        String product = device.product().isEmpty() ? "CMSIS-DAP" : device.product();
        String boardVendor = "";
        String boardName = "";
        String target = "";
        Optional<BoardTable.Board> board = boards.forProbe(device.vendorId(), device.productId(),
                device.serialNumber());
        if (board.isPresent()) {
            boardVendor = board.get().vendor();
            boardName = board.get().name();
            target = board.get().target();
        } else if (openedBefore.containsKey(uniqueId)) {
            DapInfo info = openedBefore.get(uniqueId);
            boardVendor = info.boardVendor();
            boardName = info.boardName();
            target = info.targetType().orElse("");
        }
        return new ProbeDescription(DRIVER_NAME, uniqueId, device.manufacturer(), product, boardVendor, boardName,
                target, bus.name() + ":" + device.location());
    }

    /** The description of an opened probe: what the listing said, completed by DAP_Info. */
    static ProbeDescription withInfo(ProbeDescription listed, DapInfo info) {
        return new ProbeDescription(listed.driver(), listed.uniqueId(), listed.vendorName(), listed.productName(),
                listed.boardVendor().isEmpty() ? info.boardVendor() : listed.boardVendor(),
                listed.boardName().isEmpty() ? info.boardName() : listed.boardName(),
                listed.targetType().isEmpty() ? info.targetType().orElse("") : listed.targetType(),
                listed.location());
    }
}
