package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The PE Micro add-on as a new user meets it, in one running sim runtime whose driver repository is
 * the one the runtime ships: driver:available offers pemicro; driver:install pemicro brings the driver
 * and JNA, and the lab's Multilink appears in probe:list at once, reached through the stand-in library
 * the lab set up; blinky is flashed and debugged through it; driver:uninstall pemicro takes it away.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PeMicroLabIT {
    static final String MULTILINK = "PEM0A1B2C";
    private static final int STATUS_POLLS = 300;

    @Inject
    CommandProcessor processor;

    @Configuration
    public Option[] configuration() throws IOException {
        return OptionUtils.combine(ShippedRuntime.simWithFreshState("probehost-pemicro-lab-state"),
                CoreOptions.frameworkProperty("probehost.extras.repositories")
                        .value(ShippedRuntime.shippedExtrasIndex().toString()));
    }

    @Test
    public void installPemicroFlashAndDebugThroughTheMultilinkThenUninstall() throws Exception {
        Shell shell = new Shell(processor);
        String available = shell.run("driver:available");
        assertTrue(available, Pattern.compile("pemicro\\s+\\S+\\s+no\\s+io\\.probehost\\.driver\\.pemicro")
                .matcher(available).find());
        assertFalse(shell.run("probe:list").contains(MULTILINK));
        String lab = shell.run("lab:list");
        assertTrue(lab, Pattern.compile(MULTILINK + "\\s+pemicro\\s+nrf51-multilink\\s+library").matcher(lab).find());
        assertTrue(lab, lab.contains("PE Micro: the Multilinks answer through the stand-in library in "));

        String installed = shell.run("driver:install pemicro");
        assertTrue(installed, installed.contains("install  io.probehost.driver.pemicro"));
        String probes = shell.run("probe:list");
        assertTrue(probes, Pattern.compile("PEMicro USB Multilink Universal FX \\(" + MULTILINK + "\\)\\s+" + MULTILINK)
                .matcher(probes).find());
        assertTrue("the other drivers' probes stay: " + probes, probes.contains("SEGGER J-Link")
                && probes.contains("Raspberry Pi Picoprobe") && probes.contains("ARM DAPLink CMSIS-DAP")
                && probes.contains("STMicroelectronics ST-Link/V2-1"));

        String programmed = shell.run("flash:program -u pemicro: -t nrf51822_xxaa "
                + ShippedRuntime.example("blinky.hex"));
        assertTrue(programmed, programmed.contains("Programmed blinky.hex (212 bytes) into nrf51822_xxaa: 1 sector "
                + "written, 0 skipped (unchanged), 1 erased, 1024 bytes programmed, 1024 bytes verified"));
        assertEquals("Reset (sw) and halted at pc 0x00000044", shell.run("target:reset -h").trim());
        assertTrue(shell.run("break:add 0x80").startsWith("Set hardware breakpoint at 0x00000080"));
        shell.run("target:go");
        assertEquals("Halted (breakpoint) at pc 0x00000080", shell.awaitHalt(STATUS_POLLS));
        assertEquals("20000000:  00000100 00000000", shell.run("mem:read32 0x20000000 2").trim());
        assertEquals("lr = 0x000000c1 (193)", shell.run("reg lr").trim());
        shell.run("break:remove 0x80");
        shell.run("target:disconnect");

        String uninstalled = shell.run("driver:uninstall pemicro");
        assertTrue(uninstalled, uninstalled.contains("removed  io.probehost.driver.pemicro"));
        String after = shell.run("probe:list");
        assertFalse(after, after.contains(MULTILINK));
        assertTrue(after, after.contains("SEGGER J-Link"));
    }

}
