package io.probehost.driver.cmsisdap.internal;

import java.util.stream.Collectors;

import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DapAccess;
import io.probehost.api.probe.ProbeDescription;

/** Opens a v2 probe answered by a {@link FakeDap}, through the driver as a session would. */
final class TestProbes {
    final MockUsbBus bus = new MockUsbBus("lab");
    final CmsisDapDriver driver = new CmsisDapDriver(BoardTable.load(), 100);
    final FakeDap dap;

    TestProbes(FakeDap dap) {
        this.dap = dap;
        bus.attach(MockUsbBus.device("1-1", 0x0D28, 0x0204, "DAPLink CMSIS-DAP", "0240000032044e4500", 
                MockUsbBus.v2Interface(0, 64)), dap);
        driver.addBus(bus);
    }

    CmsisDapProbe open(SessionOptions options) {
        ProbeDescription description = driver.probes().get(0);
        return (CmsisDapProbe) driver.open(description, options);
    }

    CmsisDapProbe open() {
        return open(TestOptions.defaults());
    }

    MockUsbDevice device() {
        return bus.lastOpened();
    }

    /** Opens the probe and returns its DapAccess, with what opening wrote to the device forgotten. */
    DapAccess openDapAccess(SessionOptions options) {
        DapAccess access = open(options).capability(DapAccess.class).orElseThrow();
        device().written.clear();
        return access;
    }

    /** The command ID byte of every packet written since, such as {@code "7f,06"}. */
    String packetIds() {
        return device().written.stream().map(p -> String.format("%02x", p[0])).collect(Collectors.joining(","));
    }
}
