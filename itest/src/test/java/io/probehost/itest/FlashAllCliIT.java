package io.probehost.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.BeforeClass;
import org.junit.Test;

/**
 * {@code flash:program --all} through the shipped runtime, one-shot, on a small lab file of its own:
 * every matching probe flashed at once, a table of results, and a failure on one probe that stops
 * neither the others nor the exit status from telling.
 */
public class FlashAllCliIT {
    private static final String LAB = String.join("\n",
            "targets:",
            "  - { name: board-a, part: nrf51822 }",
            "  - { name: board-b, part: nrf51822 }",
            "  - { name: board-c, part: nrf51822 }",
            "  - { name: nucleo, part: stm32f103rb }",
            "probes:",
            "  - { kind: daplink, serial: \"9900AAAA000000000000000000000000000000000000AAAA\", target: board-a }",
            "  - { kind: cmsis-dap, serial: \"LABB\", target: board-b, targetVendor: Nordic Semiconductor,",
            "      targetName: nRF51822_xxAA, boardVendor: Nordic Semiconductor, boardName: nRF51-DK }",
            "  - { kind: jlink, serial: \"000261000003\", target: board-c }",
            "  - { kind: stlink-v2-1, serial: \"066AFF000000000000000004\", target: nucleo, boardId: \"0700\" }",
            "");
    private static Map<String, String> lab;
    private static Path blinky;

    @BeforeClass
    public static void smallLab() throws Exception {
        ProbehostCliIT.privateStateFolder();
        Path file = Files.createTempFile("probehost-lab", ".yaml");
        Files.writeString(file, LAB);
        lab = Map.of("PROBEHOST_LAB", file.toString());
        blinky = Path.of(System.getProperty("probehost.top", "..")).toAbsolutePath().normalize()
                .resolve("examples").resolve("blinky.hex");
    }

    @Test
    public void allProbesOfATargetAreFlashedAtOnceWithATableOfResults() throws Exception {
        ProbehostCliIT.Result result = ProbehostCliIT.runWith(lab, null, "--sim", "flash:program", "--all", "-t", "nrf51822_xxaa",
                blinky.toString());
        assertEquals(result.err(), 0, result.status());
        List<String> rows = result.out().lines().filter(l -> l.matches("\\s+\\S+\\s+nrf51822_xxaa\\s+ok\\s+212\\s.*"))
                .toList();
        assertEquals(result.out(), 3, rows.size());
        assertTrue(result.out(), result.out().contains("Programmed 3 of 3 probes in "));
        assertTrue("piped: plain lines, no cursor movement: " + result.out(), !result.out().contains("\033["));
        assertTrue("the stand-alone J-Link was told the target: " + result.out(),
                result.out().lines().anyMatch(l -> l.trim().startsWith("000261000003") && l.contains(" ok ")));

        ProbehostCliIT.Result verified = ProbehostCliIT.runWith(lab, null, "--sim", "flash:verify", "-u", "LABB", blinky.toString());
        assertEquals(verified.err(), 0, verified.status());
    }

    @Test
    public void aProbeWhoseTargetTheImageDoesNotFitFailsAloneAndTheExitStatusSaysSo() throws Exception {
        ProbehostCliIT.Result result = ProbehostCliIT.runWith(lab, null, "--sim", "flash:program", "--all", blinky.toString());
        assertEquals(result.out() + result.err(), 1, result.status());
        assertTrue(result.out(), result.out().contains("Programmed 2 of 3 probes in "));
        assertTrue(result.out(), result.out().lines().anyMatch(l -> l.trim().startsWith("066AFF000000000000000004")
                && l.contains("stm32f103rb")));
        assertEquals("Error: 1 of 3 probes failed: 066AFF000000000000000004", result.err().trim());
        assertTrue("the J-Link names no target, so without -t it is left out: " + result.out(),
                !result.out().contains("000261000003"));
    }
}
