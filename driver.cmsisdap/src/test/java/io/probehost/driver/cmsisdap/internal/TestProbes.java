package io.probehost.driver.cmsisdap.internal;

import io.probehost.api.option.SessionOptions;
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
}
