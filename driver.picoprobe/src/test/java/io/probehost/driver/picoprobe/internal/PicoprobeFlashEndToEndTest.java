package io.probehost.driver.picoprobe.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.probehost.api.debug.DebugTarget;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.WireProtocol;
import io.probehost.api.target.TargetDescription;
import io.probehost.arch.arm.internal.ArmTargetConnector;
import io.probehost.flash.FlashLoader;
import io.probehost.flash.FlashOptions;
import io.probehost.flash.FlashProgressListener;
import io.probehost.flash.FlashResult;
import io.probehost.flash.format.FirmwareImage;
import io.probehost.flash.format.TargetPackReader;
import io.probehost.sim.adi.SwjDp;
import io.probehost.sim.adi.WireMode;
import io.probehost.sim.mcu.nrf51.Nrf51822;
import io.probehost.sim.probe.picoprobe.Picoprobe;
import io.probehost.sim.probe.usb.VirtualUsbBus;

/**
 * Flashing through the Picoprobe: the flash loader runs pack.nordic's real nRF51 algorithm on a
 * virtual nRF51822 reached through the emulated probe, the driver and the host-side SWD layer, with
 * the session's ARM connector in between as a command would have it.
 */
class PicoprobeFlashEndToEndTest {

    @Test
    void programsAndVerifiesTheNrf51FlashWithTheNordicAlgorithm() {
        byte[] data = new byte[3 * Nrf51822.PAGE_SIZE + 100];
        new Random(7).nextBytes(data);
        VirtualUsbBus bus = new VirtualUsbBus("picoprobe-flash");
        try (Nrf51822 mcu = Nrf51822.create(null)) {
            Picoprobe device = Picoprobe.inFrontOf(new SwjDp(mcu, WireMode.SWD, 0), mcu.clock(),
                    Picoprobe.serialFor("flash"));
            bus.attach(device);
            PicoprobeDriver driver = new PicoprobeDriver();
            driver.addBus(bus);
            TargetDescription nrf51 = nrf51();
            try (DebugProbe probe = driver.open(driver.probes().get(0), SessionOptions.defaults());
                    DebugTarget target = new ArmTargetConnector().connect(probe, WireProtocol.SWD,
                            SessionOptions.defaults(), Optional.of(nrf51))) {
                FlashLoader loader = new FlashLoader(target, nrf51);
                FirmwareImage image = FirmwareImage.builder("random.bin").add(0x4000, data).build();
                FlashResult result = loader.program(image, FlashOptions.defaults().withResetAfter(false),
                        FlashProgressListener.NONE);
                assertEquals(4, result.sectorsWritten());
                assertArrayEquals(data, mcu.readFlash(0x4000, data.length));
                byte[] back = new byte[data.length];
                target.memory().read(0x4000, back, 0, back.length);
                assertArrayEquals(data, back);
                assertEquals(4, loader.program(image, FlashOptions.defaults().withResetAfter(false),
                        FlashProgressListener.NONE).sectorsSkipped(), "unchanged sectors are skipped");
            }
        } finally {
            bus.close();
        }
    }

    /** The nrf51822_xxaa target of pack.nordic, read from its jar as the pack extender reads it. */
    private static TargetDescription nrf51() {
        try {
            for (URL url : Collections.list(PicoprobeFlashEndToEndTest.class.getClassLoader()
                    .getResources(TargetPackReader.FILE_NAME))) {
                Optional<TargetDescription> found = TargetPackReader.read(url.toString(), read(url),
                        path -> read(new URL(url, path))).targets().stream()
                        .filter(t -> t.name().equals("nrf51822_xxaa")).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("pack.nordic is not on the test class path");
    }

    private static byte[] read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }
}
