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
 * The default lab's ST-Links as a user meets them, through the shell on the shipped sim bundle set:
 * the ST-Link/V2-1 of the virtual Nucleo-F103RB (named by its board ID), the STLINK-V3 and the
 * ST-Link/V2 whose firmware is too old; examples/nucleo-blinky.hex flashed with pack.st's STM32F1
 * algorithm, run and debugged through the V2-1; probe:bench's round trips against the ST-Link floor.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class StlinkLabIT extends LabSessionIT {
    static final String NUCLEO = "0670FF484957847167071621";
    static final String V3 = "002F003B3438510B34313939";
    static final String OUTDATED = "48FF6E066583564922531687";
    private static final int STATUS_POLLS = 300;

    @Override
    protected String stateFolder() {
        return "probehost-stlink-state";
    }

    @Test
    public void probeListShowsTheNucleoBoardAndItsTargetTheV3AndTheOutdatedV2RefusesToConnect() throws Exception {
        String probes = shell.run("probe:list");
        assertTrue(probes, Pattern.compile("STMicroelectronics ST-Link/V2-1\\s+" + NUCLEO + "\\s+✔︎ stm32f103rb\n"
                + "\\s+STMicroelectronics NUCLEO-F103RB\n").matcher(probes).find());
        assertTrue(probes, Pattern.compile("STMicroelectronics STLINK-V3\\s+" + V3).matcher(probes).find());
        assertTrue(probes, Pattern.compile("STMicroelectronics ST-Link/V2\\s+" + OUTDATED).matcher(probes).find());

        String refused = shell.fail("target:connect -u " + OUTDATED);
        assertTrue(refused, refused.contains("runs firmware V2J23S4; V2J24 is the oldest supported: update the firmware"));

        String connected = shell.run("target:connect -u " + V3);
        assertTrue(connected, connected.contains("through STMicroelectronics STLINK-V3 " + V3 + " over SWD"));
        assertTrue(connected, connected.contains("Cortex-M3 r1p1 (DPIDR 0x1BA01477"));

        String lab = shell.run("lab:list");
        assertTrue(lab, Pattern.compile("nucleo-f103rb\\s+stm32f103rb").matcher(lab).find());
        assertTrue(lab, Pattern.compile(NUCLEO + "\\s+stlink-v2-1\\s+nucleo-f103rb").matcher(lab).find());
        assertTrue(lab, Pattern.compile(V3 + "\\s+stlink-v3\\s+f103-v3").matcher(lab).find());
        assertTrue(lab, Pattern.compile(OUTDATED + "\\s+stlink-v2\\s+f103-old").matcher(lab).find());
    }

    @Test
    public void nucleoBlinkyIsFlashedRunsAndIsDebuggedThroughTheStlink() throws Exception {
        shell.run("lab:reset-state");
        String connected = shell.run("target:connect -u " + NUCLEO);
        assertTrue(connected, connected.startsWith("Connected to stm32f103rb through STMicroelectronics ST-Link/V2-1"));
        String programmed = shell.run("flash:program " + ShippedRuntime.example("nucleo-blinky.hex"));
        assertTrue(programmed, programmed.contains("Programmed nucleo-blinky.hex (228 bytes) into stm32f103rb: 1 sector"
                + " written, 0 skipped (unchanged), 1 erased"));
        assertEquals("Reset (sw) and halted at pc 0x08000044", shell.run("target:reset -h").trim());

        assertTrue(shell.run("break:add 0x08000084").startsWith("Set hardware breakpoint at 0x08000084"));
        assertEquals("Running", shell.run("target:go").trim());
        assertEquals("Halted (breakpoint) at pc 0x08000084", shell.awaitHalt(STATUS_POLLS));
        assertEquals("the first call of led_toggle: 256 turns, LD2 still off",
                "20000000:  00000100 00000000", shell.run("mem:read32 0x20000000 2").trim());
        assertEquals("4001080c:  00000000", shell.run("mem:read32 0x4001080C").trim());
        assertEquals("led_toggle returns into main", "lr = 0x080000db (134217947)", shell.run("reg lr").trim());
        shell.run("target:go");
        assertEquals("Halted (breakpoint) at pc 0x08000084", shell.awaitHalt(STATUS_POLLS));
        assertEquals("20000000:  00000200 00000001", shell.run("mem:read32 0x20000000 2").trim());
        assertEquals("LD2 lit through the bit-band alias", "4001080c:  00000020",
                shell.run("mem:read32 0x4001080C").trim());
        assertEquals("Removed breakpoint at 0x08000084", shell.run("break:remove 0x08000084").trim());

        assertEquals("Set write watchpoint on 4 bytes at 0x20000004",
                shell.run("watch:add 0x20000004 4 --write").trim());
        shell.run("target:go");
        assertTrue(shell.awaitHalt(STATUS_POLLS).startsWith("Halted (watchpoint) at pc 0x080000"));
        assertEquals("the next LED change wrote the toggles", "20000000:  00000200 00000002",
                shell.run("mem:read32 0x20000000 2").trim());
        shell.run("watch:remove 0x20000004");
        String pc = shell.run("reg pc").trim();
        String step = shell.run("target:step").trim();
        assertTrue(step + " after " + pc, step.startsWith("Stepped: pc " + pc.substring(5, 15) + " -> 0x080000"));

        shell.run("target:go");
        shell.run("target:disconnect");
        assertEquals("Reset (sw), running", shell.run("target:reset -u " + NUCLEO).trim());
        String counters = shell.run("mem:read32 -u " + NUCLEO + " 0x20000000 2");
        assertTrue("blinky runs from reset: " + counters, !counters.trim().equals("20000000:  00000000 00000000"));
    }

    @Test
    public void benchMovesSixtyFourKibWithinTenPercentOfTheStlinkFloor() throws Exception {
        for (String probe : new String[] {NUCLEO, V3}) {
            String bench = shell.run("probe:bench -u " + probe);
            List<BenchRow> rows = BenchRow.of(bench, "USB bulk");
            for (BenchRow row : rows) {
                assertEquals("6144-byte commands, each with GETLASTRWSTATUS2: " + bench, 22, row.floor());
                assertTrue(row.direction() + " within 10% of the floor: " + bench,
                        row.roundTrips() * 10 <= row.floor() * 11);
            }
            assertEquals(bench, 2, rows.size());
        }
    }

}
