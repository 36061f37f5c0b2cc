package io.probehost.driver.jlink.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.probehost.api.debug.DebugTarget;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.probe.WireProtocol;
import io.probehost.api.target.TargetDescription;
import io.probehost.arch.arm.internal.ArmTargetConnector;
import io.probehost.flash.FlashLoader;
import io.probehost.flash.FlashOptions;
import io.probehost.flash.FlashResult;
import io.probehost.flash.format.FirmwareImage;
import io.probehost.flash.format.FirmwareImageReader;
import io.probehost.flash.format.TargetPackReader;
import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.mcu.nrf51.Nrf51822;
import io.probehost.sim.probe.jlink.JlinkConfig;
import io.probehost.sim.probe.jlink.JlinkProbe;
import io.probehost.sim.probe.usb.VirtualUsbBus;

/**
 * examples/blinky.hex flashed into a virtual nRF51822 through the J-Link driver, the ARM connector and
 * the flash loader with the Nordic pack's algorithm, over SWD and over JTAG, then read back and run.
 */
class JlinkFlashTest {
    private static final TargetDescription NRF51 = TargetPackReader
            .read(Path.of("../pack.nordic/src/main/resources/probehost-pack.json")).targets().stream()
            .filter(t -> t.name().equals("nrf51822_xxaa")).findFirst().orElseThrow();

    @ParameterizedTest
    @EnumSource(WireProtocol.class)
    void programsBlinkyWhichThenRuns(WireProtocol wire) throws IOException {
        FirmwareImage image = FirmwareImageReader.read(Path.of("../examples/blinky.hex"));
        byte[] bin = Files.readAllBytes(Path.of("../examples/blinky.bin"));
        try (Nrf51822 mcu = Nrf51822.create(null); VirtualUsbBus bus = new VirtualUsbBus("jlink-flash");
                JlinkProbe device = JlinkProbe.inFrontOf(mcu, JlinkConfig.v11(42))) {
            bus.attach(device);
            JlinkDriver driver = new JlinkDriver();
            driver.addBus(bus);
            List<ProbeDescription> listed = driver.probes();
            try (DebugProbe probe = driver.open(listed.get(0), SessionOptions.defaults())) {
                probe.setClockHz(4_000_000);
                DebugTarget target = new ArmTargetConnector().connect(probe, wire, SessionOptions.defaults(),
                        Optional.of(NRF51));
                FlashResult result = new FlashLoader(target, NRF51).program(image, FlashOptions.defaults(), null);
                assertEquals(1, result.sectorsWritten(), result.summary());
                assertArrayEquals(bin, mcu.readFlash(0, bin.length));
                target.core().resume();
                int turns = 0;
                for (int i = 0; i < 200 && turns == 0; i++) {
                    turns = target.memory().read32(Nrf51822.RAM_BASE);
                }
                assertTrue(turns != 0, "blinky counts its loop turns at 0x20000000");
                target.close();
            }
            assertTrue(device.lastFirmwareError().isEmpty(), "the emulator failed: " + device.lastFirmwareError());
        }
    }
}
