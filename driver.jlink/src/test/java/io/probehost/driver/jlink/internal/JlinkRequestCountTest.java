package io.probehost.driver.jlink.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.WireProtocol;
import io.probehost.arch.arm.ArmConnectOptions;
import io.probehost.arch.arm.ArmDebugFactory;
import io.probehost.arch.arm.CortexMTarget;
import io.probehost.sim.mcu.nrf51.Nrf51822;
import io.probehost.sim.probe.cmsisdap.LinkStats;
import io.probehost.sim.probe.jlink.JlinkConfig;
import io.probehost.sim.probe.jlink.JlinkProbe;
import io.probehost.sim.probe.usb.VirtualUsbBus;

/** A 4 KiB read and write through the J-Link take a handful of USB requests, not one per word. */
class JlinkRequestCountTest {

    @ParameterizedTest
    @EnumSource(WireProtocol.class)
    void fourKibibytesMoveInAFewRequests(WireProtocol wire) {
        try (Nrf51822 mcu = Nrf51822.create(null); VirtualUsbBus bus = new VirtualUsbBus("jlink-figures");
                JlinkProbe device = JlinkProbe.inFrontOf(mcu, JlinkConfig.v11(9))) {
            bus.attach(device);
            JlinkDriver driver = new JlinkDriver();
            driver.addBus(bus);
            try (DebugProbe probe = driver.open(driver.probes().get(0), SessionOptions.defaults())) {
                probe.setClockHz(4_000_000);
                CortexMTarget target = ArmDebugFactory.connect(probe, wire, ArmConnectOptions.defaults());
                byte[] data = new byte[4096];
                for (int i = 0; i < data.length; i++) {
                    data[i] = (byte) (i * 3);
                }
                device.link().reset();
                target.memory().write(Nrf51822.RAM_BASE, data, 0, data.length);
                LinkStats written = device.link().snapshot();
                device.link().reset();
                byte[] back = new byte[data.length];
                target.memory().read(Nrf51822.RAM_BASE, back, 0, back.length);
                LinkStats read = device.link().snapshot();
                assertArrayEquals(data, back);
                // SWD: the host-side layer's batches; JTAG: the JTAG-DP's scans queued into few HW_JTAG3 streams
                assertTrue(written.roundTrips() <= 16, wire + " write took " + written.roundTrips() + " requests");
                assertTrue(read.roundTrips() <= 16, wire + " read took " + read.roundTrips() + " requests");
                target.close();
            }
        }
    }
}
