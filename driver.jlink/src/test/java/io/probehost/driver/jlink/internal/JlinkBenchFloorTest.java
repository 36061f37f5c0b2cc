package io.probehost.driver.jlink.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

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

/**
 * probe:bench's 64 KiB (the nRF51's 16 KiB RAM four times) over SWD take HW_JTAG3 requests within
 * {@value #MARGIN_PERCENT}% of the floor of jlink-usb.md section 4: each request clocks at most
 * min(65535, (max_mem_block - 4) / 2 * 8) bits and each SWD data transfer at least 46 of them.
 */
class JlinkBenchFloorTest {
    static final int MARGIN_PERCENT = 10;
    static final int CLOCKS_PER_TRANSFER = 46;
    static final int WORDS = 64 * 1024 / 4;

    @Test
    void sixtyFourKibibytesOverSwdComeWithinTenPercentOfTheRequestFloor() {
        JlinkConfig config = JlinkConfig.v11(9);
        long wordsPerRequest = BitStreams.maxBits(config.maxMemBlock()) / CLOCKS_PER_TRANSFER;
        long floor = (WORDS + wordsPerRequest - 1) / wordsPerRequest;
        try (Nrf51822 mcu = Nrf51822.create(null); JlinkProbe device = JlinkProbe.inFrontOf(mcu, config)) {
            onSwdTarget(device, target -> {
                byte[] data = new byte[Nrf51822.RAM_SIZE];
                new Random(64).nextBytes(data);
                device.link().reset();
                for (int done = 0; done < WORDS * 4; done += data.length) {
                    target.memory().write(Nrf51822.RAM_BASE, data, 0, data.length);
                }
                LinkStats written = device.link().snapshot();
                device.link().reset();
                byte[] back = new byte[data.length];
                for (int done = 0; done < WORDS * 4; done += data.length) {
                    target.memory().read(Nrf51822.RAM_BASE, back, 0, back.length);
                }
                LinkStats read = device.link().snapshot();
                assertArrayEquals(data, back);
                long limit = floor * (100 + MARGIN_PERCENT) / 100;
                assertTrue(written.roundTrips() <= limit, "write took " + written.roundTrips() + " requests, floor " + floor);
                assertTrue(read.roundTrips() <= limit, "read took " + read.roundTrips() + " requests, floor " + floor);
            });
        }
    }

    /** Runs {@code body} on the SWD target behind {@code device}, alone on a virtual bus. */
    static void onSwdTarget(JlinkProbe device, Consumer<CortexMTarget> body) {
        try (VirtualUsbBus bus = new VirtualUsbBus("jlink-bench")) {
            bus.attach(device);
            JlinkDriver driver = new JlinkDriver();
            driver.addBus(bus);
            try (DebugProbe probe = driver.open(driver.probes().get(0), SessionOptions.defaults())) {
                CortexMTarget target = ArmDebugFactory.connect(probe, WireProtocol.SWD, ArmConnectOptions.defaults());
                body.accept(target);
                target.close();
            }
        }
    }
}
