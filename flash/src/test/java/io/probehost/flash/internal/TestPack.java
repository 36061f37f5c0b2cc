package io.probehost.flash.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.probehost.flash.format.TargetPackDescriptor;
import io.probehost.flash.format.TargetPackReader;

/**
 * A real CMSIS-Pack for the tests: the nRF51 NVMC algorithm in src/test/c/nrf51_flm compiled with
 * arm-none-eabi-gcc into an .FLM, zipped with src/test/resources/cmsis-pack/*.pdsc.
 */
final class TestPack {
    static final String PDSC = "Probehost.NRF51_Test_DFP.pdsc";

    private TestPack() {
    }

    /** Builds the .pack into {@code folder} and returns its bytes. */
    static byte[] build(Path folder) {
        Path sources = Path.of("src/test/c/nrf51_flm").toAbsolutePath();
        Path flm = folder.resolve("nrf51_test.FLM");
        run(folder, "arm-none-eabi-gcc", "-mcpu=cortex-m0", "-mthumb", "-Os", "-ffreestanding", "-fno-common",
                "-nostdlib", "-nostartfiles", "-T", sources.resolve("flm.ld").toString(), "-o", flm.toString(),
                sources.resolve("FlashPrg.c").toString(), sources.resolve("FlashDev.c").toString());
        try {
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(zip)) {
                out.putNextEntry(new ZipEntry(PDSC));
                out.write(TestFiles.resource("/cmsis-pack/" + PDSC));
                out.putNextEntry(new ZipEntry("Flash/nrf51_test.FLM"));
                out.write(Files.readAllBytes(flm));
                out.closeEntry();
            }
            Files.write(folder.resolve("Probehost.NRF51_Test_DFP.1.2.0.pack"), zip.toByteArray());
            return zip.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pack a generated bundle holds, read from the jar as the extender reads it from the bundle. */
    static TargetPackDescriptor readBundle(byte[] jar) {
        Map<String, byte[]> entries = new HashMap<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            JarEntry entry;
            while ((entry = in.getNextJarEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
            String header = in.getManifest().getMainAttributes().getValue(DataTargetPack.HEADER);
            if (!TargetPackReader.FILE_NAME.equals(header)) {
                fail("the generated bundle has no " + DataTargetPack.HEADER + " header");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TargetPackReader.read("bundle", entries.get(TargetPackReader.FILE_NAME), entries::get);
    }

    static void run(Path folder, String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).directory(folder.toFile()).redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                fail(command[0] + " failed: " + output);
            }
        } catch (IOException e) {
            fail(command[0] + " cannot run (" + e.getMessage()
                    + "); install the Debian package gcc-arm-none-eabi to run the flash pack tests");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while running " + command[0]);
        }
    }
}
