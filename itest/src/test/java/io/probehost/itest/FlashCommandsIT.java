package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;

/**
 * flash:program, flash:verify, flash:erase, pack:install/list/remove and target:show through the
 * shell on the sim bundle set: the test firmware through pyOCD's nRF51 algorithm (pack.nordic), then
 * through a CMSIS-Pack built here with arm-none-eabi-gcc, onto the virtual nRF51 behind the DAPLink.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class FlashCommandsIT {
    private static final String FLASH_BUNDLES = "flash.format flash pack.nordic";
    private static final int POLLS = 300;

    @Inject
    CommandProcessor processor;

    private Shell shell;

    @Configuration
    public Option[] configuration() throws IOException {
        Path state = Files.createTempDirectory("probehost-flash-state");
        List<Option> extra = new ArrayList<>();
        extra.add(frameworkProperty("probehost.state").value(state.toString()));
        // Until runtime/sim.bndrun lists them, the flash bundles come from their modules' target folders.
        Path export = ShippedRuntime.runtimeFolder().resolve("export").resolve("sim");
        for (String module : FLASH_BUNDLES.split(" ")) {
            String jar = module + "-0.1.0-SNAPSHOT.jar";
            if (!Files.exists(export.resolve(jar))) {
                extra.add(bundle(top().resolve(module).resolve("target").resolve(jar).toUri().toString()));
            }
        }
        return ShippedRuntime.options("sim", extra.toArray(Option[]::new));
    }

    private static Path top() {
        return Path.of(System.getProperty("probehost.top", "..")).toAbsolutePath().normalize();
    }

    private static String firmware(String name) {
        return top().resolve("firmware/target/firmware").resolve(name).toString();
    }

    @Before
    public void openShell() throws Exception {
        shell = new Shell(processor);
        shell.run("lab:reset-state");
    }

    @After
    public void endSession() throws Exception {
        shell.run("target:disconnect");
    }

    @Test
    public void programWritesTheFirmwareThatThenRunsAndSkipsEverySectorTheSecondTime() throws Exception {
        String first = shell.run("flash:program " + firmware("torture.elf") + " -u 9900");
        assertTrue(first, first.startsWith("Programmed torture.elf") && first.contains("into nrf51822_xxaa: "));
        assertTrue(first, first.contains(" 0 skipped (unchanged)"));
        assertEquals("0x454E4F44 (DONE)", awaitStatus());

        String again = shell.run("flash:program " + firmware("torture.hex") + " -u 9900 --erase sector");
        assertTrue(again, again.contains(": 0 sectors written, "));
        assertTrue(again, again.contains(" 0 erased"));
        String verified = shell.run("flash:verify " + firmware("torture.bin") + " -u 9900");
        assertTrue(verified, verified.startsWith("Verified torture.bin"));
        assertTrue(shell.run("pack:list").contains("nordic"));
    }

    @Test
    public void corruptAndOversizedImagesAreRefusedBeforeAnythingIsErased() throws Exception {
        shell.run("flash:program " + firmware("torture.bin") + " -u 9900 --no-reset");
        Path folder = Files.createTempDirectory("probehost-flash-images");
        Path corrupt = folder.resolve("bad.hex");
        Files.writeString(corrupt, ":0400000001020304F0\n:00000001FF\n");
        Path big = folder.resolve("big.bin");
        Files.write(big, new byte[0x41000]);

        assertTrue(shell.fail("flash:program " + corrupt + " -u 9900").startsWith("bad.hex line 1: checksum"));
        assertEquals("big.bin does not fit nrf51822_xxaa: bytes 0x00040000-0x00040FFF lie outside its flash "
                + "(flash_0 0x00000000-0x0003FFFF, flash_10001000 0x10001000-0x100010FF); nothing was erased",
                shell.fail("flash:program " + big + " -u 9900"));
        assertTrue(shell.run("flash:verify " + firmware("torture.bin") + " -u 9900").startsWith("Verified"));
        assertTrue(shell.run("flash:erase 0 0x800 -u 9900").startsWith("Erased 2 sectors of nrf51822_xxaa"));
        String differs = shell.fail("flash:verify " + firmware("torture.bin") + " -u 9900");
        assertTrue(differs, differs.startsWith("verify failed at 0x0000000"));
    }

    @Test
    public void installedCmsisPackBecomesATargetThatProgramsTheLabAndGoesWhenRemoved() throws Exception {
        Path pack = buildPack(Files.createTempDirectory("probehost-cmsis-pack"));

        String installed = shell.run("pack:install " + pack);
        assertTrue(installed, installed.startsWith("Installed pack Probehost.NRF51_Test_DFP 1.2.0 as bundle "));
        assertTrue(installed, installed.endsWith("1 target (nrf51822_xxaa_ph)"));
        String bundle = installed.replaceAll("(?s).* as bundle (\\d+):.*", "$1");
        String reinstalled = shell.run("pack:install " + pack);
        assertTrue(reinstalled, reinstalled.contains(" as bundle " + bundle + ": "));
        assertTrue(shell.run("pack:list").matches("(?s).*Probehost.NRF51_Test_DFP +1.2.0 .*"));
        assertTrue(shell.run("target:show nrf51822_xxaa_ph").contains("algorithm nrf51_test: "));

        String programmed = shell.run("flash:program " + firmware("torture.elf") + " -t nrf51822_xxaa_ph -u 9900");
        assertTrue(programmed, programmed.contains("into nrf51822_xxaa_ph: "));
        assertEquals("0x454E4F44 (DONE)", awaitStatus());
        String again = shell.run("flash:program " + firmware("torture.bin") + " -t nrf51822_xxaa_ph -u 9900");
        assertTrue(again, again.contains(": 0 sectors written, "));
        shell.run("target:disconnect");

        String removed = shell.run("pack:remove Probehost.NRF51_Test_DFP");
        assertTrue(removed, removed.startsWith("Removed pack Probehost.NRF51_Test_DFP"));
        assertTrue(!shell.run("pack:list").contains("NRF51_Test_DFP"));
    }

    @Test
    public void probeUnpluggedMidFlashNamesTheSectorsDoneAndTheFirstFlashAfterReplugFinishes() throws Exception {
        Path image = Files.createTempDirectory("probehost-flash-unplug").resolve("random.bin");
        byte[] random = new byte[160 * 1024];
        new java.util.Random(3).nextBytes(random);
        Files.write(image, random);
        shell.run("target:connect -u 9900");
        long before = roundTrips();
        FutureTask<String> flashing = new FutureTask<>(() -> shell.run("flash:program " + image + " --no-reset"));
        new Thread(flashing, "flashing").start();
        for (int i = 0; i < 2000 && roundTrips() < before + 1500 && !flashing.isDone(); i++) {
            Thread.sleep(5);
        }
        assertFalse("the flash ended before the probe could be unplugged", flashing.isDone());
        shell.run("lab:fault unplug 9900");

        ExecutionException failed = assertThrows(ExecutionException.class, () -> flashing.get(60, TimeUnit.SECONDS));
        String failure = failed.getCause().getMessage();
        assertTrue(failure, failure.startsWith("probe lost during "));
        assertTrue(failure, failure.contains(" sectors done") && failure.contains("flash again to finish"));
        shell.run("lab:fault plug 9900");
        // The session's probe is back: the very next command, with no -u, opens a new session on it.
        String finished = shell.run("flash:program " + image + " --no-reset");
        assertTrue(finished, finished.startsWith("Programmed random.bin"));
        assertTrue(shell.run("flash:verify " + image).startsWith("Verified random.bin"));
    }

    /** The DAPLink's round-trip counter from lab:list. */
    private long roundTrips() throws Exception {
        for (String line : shell.run("lab:list").split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 4 && fields[0].startsWith("9900")) {
                return Long.parseLong(fields[4]);
            }
        }
        throw new AssertionError("lab:list shows no DAPLink: " + shell.run("lab:list"));
    }

    /** Reads the firmware's result-block status word until it is written (the core runs after flashing). */
    private String awaitStatus() throws Exception {
        for (int i = 0; i < POLLS; i++) {
            String word = shell.run("mem:read32 0x20003f00").trim();
            if (word.endsWith("454e4f44")) {
                return "0x454E4F44 (DONE)";
            }
            Thread.sleep(20);
        }
        return shell.run("mem:read32 0x20003f00").trim();
    }

    /** A CMSIS-Pack: flash/src/test/c/nrf51_flm compiled with arm-none-eabi-gcc into an .FLM, zipped with its .pdsc. */
    private static Path buildPack(Path folder) throws Exception {
        Path sources = top().resolve("flash/src/test/c/nrf51_flm");
        Path flm = folder.resolve("nrf51_test.FLM");
        Process gcc = new ProcessBuilder("arm-none-eabi-gcc", "-mcpu=cortex-m0", "-mthumb", "-Os", "-ffreestanding",
                "-fno-common", "-nostdlib", "-nostartfiles", "-T", sources.resolve("flm.ld").toString(), "-o",
                flm.toString(), sources.resolve("FlashPrg.c").toString(), sources.resolve("FlashDev.c").toString())
                .redirectErrorStream(true).start();
        String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!gcc.waitFor(60, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
            fail("arm-none-eabi-gcc failed (install gcc-arm-none-eabi): " + output);
        }
        Path pdsc = top().resolve("flash/src/test/resources/cmsis-pack/Probehost.NRF51_Test_DFP.pdsc");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry(pdsc.getFileName().toString()));
            out.write(Files.readAllBytes(pdsc));
            out.putNextEntry(new ZipEntry("Flash/nrf51_test.FLM"));
            out.write(Files.readAllBytes(flm));
        }
        Path pack = folder.resolve("Probehost.NRF51_Test_DFP.1.2.0.pack");
        Files.write(pack, zip.toByteArray());
        return pack;
    }
}
