package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;

/**
 * The default lab's J-Link V11 and legacy Picoprobe as a user meets them, through the shell on the
 * shipped sim bundle set: listed beside the CMSIS-DAP and ST-Link probes, chosen by driver with
 * {@code -u jlink:} and {@code -u picoprobe:}, examples/blinky.hex flashed, run and debugged through
 * each on its own virtual nRF51822, and probe:bench's round trips against each protocol's floor.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class JlinkPicoprobeLabIT extends LabSessionIT {
    static final String JLINK = "000261012345";
    static final String PICOPROBE = "E6614103E7176A23";
    private static final int STATUS_POLLS = 300;

    @Override
    protected String stateFolder() {
        return "probehost-jlink-pico-state";
    }

    @Test
    public void probeListShowsEveryDriversProbesAndLabListTheirKindsAndParts() throws Exception {
        String probes = shell.run("probe:list");
        assertTrue(probes, probes.contains("ARM DAPLink CMSIS-DAP"));
        assertTrue(probes, probes.contains("STMicroelectronics ST-Link/V2-1"));
        assertTrue(probes, Pattern.compile("SEGGER J-Link V11\\.00 \\(firmware [^)]+\\)\\s+" + JLINK + "\\s+n/a")
                .matcher(probes).find());
        assertTrue(probes, Pattern.compile("Raspberry Pi Picoprobe\\s+" + PICOPROBE + "\\s+n/a").matcher(probes).find());

        String lab = shell.run("lab:list");
        assertTrue(lab, Pattern.compile("nrf51-jlink\\s+nrf51822").matcher(lab).find());
        assertTrue(lab, Pattern.compile("nrf51-picoprobe\\s+nrf51822").matcher(lab).find());
        assertTrue(lab, Pattern.compile(JLINK + "\\s+jlink\\s+nrf51-jlink\\s+plugged").matcher(lab).find());
        assertTrue(lab, Pattern.compile(PICOPROBE + "\\s+picoprobe\\s+nrf51-picoprobe\\s+plugged").matcher(lab).find());
    }

    @Test
    public void uidPrefixNamesTheDriver() throws Exception {
        assertTrue(shell.run("target:connect -u jlink:").contains("through SEGGER J-Link V11.00"));
        assertTrue(shell.run("target:connect -u picoprobe:").contains("through Raspberry Pi Picoprobe " + PICOPROBE));
        assertTrue(shell.run("target:connect -u cmsisdap:PHLAB").contains("PHLAB0001"));
        assertTrue(shell.run("target:connect -u stlink:0670").contains("ST-Link/V2-1 0670FF484957847167071621"));
        shell.run("target:disconnect");
        String ambiguous = shell.fail("target:connect -u stlink:");
        assertTrue(ambiguous, ambiguous.startsWith("more than one debug probe matches unique ID 'stlink:'"));
        String wrongDriver = shell.fail("target:connect -W -u jlink:" + PICOPROBE);
        assertTrue(wrongDriver, wrongDriver.startsWith("No connected debug probe matches unique ID 'jlink:"
                + PICOPROBE.toLowerCase() + "'"));
        String unknown = shell.fail("target:connect -u pemicro:");
        assertTrue(unknown, unknown.startsWith("unknown debug probe driver 'pemicro'"));
    }

    @Test
    public void blinkyIsFlashedRunsAndIsDebuggedThroughTheJlinkAndThePicoprobe() throws Exception {
        shell.run("lab:reset-state");
        for (String probe : new String[] {"jlink:", "picoprobe:"}) {
            String connected = shell.run("target:connect -u " + probe + " -t nrf51822_xxaa");
            assertTrue(connected, connected.startsWith("Connected to nrf51822_xxaa through "));
            assertTrue(connected, connected.contains("Cortex-M0 r0p0 (DPIDR 0x0BB11477"));
            String programmed = shell.run("flash:program " + ShippedRuntime.example("blinky.hex"));
            assertTrue(probe + programmed, programmed.contains("Programmed blinky.hex (212 bytes) into nrf51822_xxaa: "
                    + "1 sector written, 0 skipped (unchanged), 1 erased, 1024 bytes programmed, 1024 bytes verified"));
            assertEquals(probe, "Reset (sw) and halted at pc 0x00000044", shell.run("target:reset -h").trim());
            assertTrue(probe, shell.run("break:add 0x80").startsWith("Set hardware breakpoint at 0x00000080"));
            assertEquals(probe, "Running", shell.run("target:go").trim());
            assertEquals(probe, "Halted (breakpoint) at pc 0x00000080", shell.awaitHalt(STATUS_POLLS));
            assertEquals(probe + " the first call of led_toggle", "20000000:  00000100 00000000",
                    shell.run("mem:read32 0x20000000 2").trim());
            assertEquals(probe, "lr = 0x000000c1 (193)", shell.run("reg lr").trim());
            shell.run("target:go");
            assertEquals(probe, "Halted (breakpoint) at pc 0x00000080", shell.awaitHalt(STATUS_POLLS));
            assertEquals(probe + " the LED changed once", "20000000:  00000200 00000001",
                    shell.run("mem:read32 0x20000000 2").trim());
            assertEquals(probe, "50000504:  00002000", shell.run("mem:read32 0x50000504").trim());
            assertEquals(probe, "Removed breakpoint at 0x00000080", shell.run("break:remove 0x80").trim());
            shell.run("target:go");
            shell.run("target:disconnect");
        }
    }

    @Test
    public void benchCountsRoundTripsAgainstEachProtocolsFloor() throws Exception {
        assertFloors("jlink:", 12, 12);
        assertFloors("picoprobe:", 37, 27);
    }

    /**
     * The bench's rows of {@code probe}: the floors the notes give, never fewer round trips than them
     * and at most 10% more (the drivers send full-size SWD batches).
     */
    private void assertFloors(String probe, long writeFloor, long readFloor) throws Exception {
        String bench = shell.run("probe:bench -u " + probe);
        assertTrue(bench, bench.startsWith("64 KiB through " + probe));
        List<BenchRow> rows = BenchRow.of(bench, "USB bulk");
        for (BenchRow row : rows) {
            assertEquals(bench, row.direction().equals("write") ? writeFloor : readFloor, row.floor());
            assertTrue(bench, row.roundTrips() >= row.floor());
            assertTrue(bench, row.roundTrips() <= row.floor() * 110 / 100);
        }
        assertEquals(bench, 2, rows.size());
    }

}
