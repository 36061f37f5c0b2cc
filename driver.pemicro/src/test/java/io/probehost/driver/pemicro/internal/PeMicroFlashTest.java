package io.probehost.driver.pemicro.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.probehost.api.debug.DebugTarget;
import io.probehost.api.option.SessionOptions;
import io.probehost.api.probe.DebugProbe;
import io.probehost.api.probe.WireProtocol;
import io.probehost.api.target.TargetDescription;
import io.probehost.arch.arm.internal.ArmTargetConnector;
import io.probehost.flash.FlashLoader;
import io.probehost.flash.FlashOptions;
import io.probehost.flash.FlashResult;
import io.probehost.flash.format.FirmwareImage;
import io.probehost.flash.format.TargetPackReader;

/** The flash module programs the virtual nRF51822 through the PE Micro driver, with the Nordic pack's algorithm. */
class PeMicroFlashTest {

    @TempDir
    Path folder;

    @Test
    void programsAndVerifiesTwoSectorsWithTheNordicAlgorithm() throws IOException {
        byte[] code = new byte[1500];
        for (int i = 0; i < code.length; i++) {
            code[i] = (byte) (i * 31 + 1);
        }
        FirmwareImage image = FirmwareImage.builder("pemicro-test").add(0x800, code).build();
        PeMicroDriver driver = null;
        try (StandInBench bench = new StandInBench(folder)) {
            driver = new PeMicroDriver(bench.location());
            try (DebugProbe probe = driver.open(driver.probes().get(0), SessionOptions.defaults())) {
                DebugTarget target = new ArmTargetConnector().connect(probe, WireProtocol.SWD,
                        SessionOptions.defaults(), Optional.of(nrf51()));
                FlashResult result = new FlashLoader(target, nrf51()).program(image,
                        FlashOptions.defaults().withResetAfter(false), null);
                target.close();
                assertEquals(2, result.sectorsWritten());
                assertArrayEquals(code, bench.mcu.readFlash(0x800, code.length));
            }
        } finally {
            if (driver != null) {
                driver.deactivate();
            }
        }
    }

    /** The nrf51822_xxaa target of pack.nordic's jar, with its algorithm. */
    private static TargetDescription nrf51() throws IOException {
        URL url = PeMicroFlashTest.class.getClassLoader().getResource("probehost-pack.json");
        return TargetPackReader.read(url.toString(), read(url), path -> read(new URL(url, path))).targets().stream()
                .filter(t -> t.name().equals("nrf51822_xxaa")).findFirst().orElseThrow();
    }

    private static byte[] read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }
}
