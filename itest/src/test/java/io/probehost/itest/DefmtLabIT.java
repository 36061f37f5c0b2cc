package io.probehost.itest;

import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;

/**
 * defmt through the shell on the shipped sim bundle set: examples/defmt-log (the same C source for the
 * micro:bit's Cortex-M0, the Nucleo's Cortex-M3 and the Longan Nano's RISC-V core) flashed and reset,
 * its rzCOBS frames streamed by {@code rtt:attach --elf}, which the defmt bundle's decoder provider
 * claims: every line with its timestamp, level, arguments and the source line of its statement.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class DefmtLabIT extends LabSessionIT {

    @Override
    protected String stateFolder() {
        return "probehost-defmt-state";
    }

    private static String firstTick(String board) {
        return "0.000000 defmt-log started on " + board + "\n"
                + "└─ main @ defmt-log.c:206\n"
                + "0.100000 TRACE idle for 20000 turns\n"
                + "└─ main @ defmt-log.c:212\n"
                + "0.100000 INFO  tick 0: temperature = 19 C\n"
                + "└─ main @ defmt-log.c:213\n"
                + "0.100000 DEBUG sensor 0 read [18, 0, 171, 127], valid: false, mode fast\n"
                + "└─ main @ defmt-log.c:214\n"
                + "0.100000 WARN  supply 3.25 V, status beef0000\n"
                + "└─ main @ defmt-log.c:216\n";
    }

    private static final String FOURTH_TICK_ERROR = "0.400000 ERROR out of range: Reading { sensor: 2, value: -40 }\n"
            + "└─ main @ defmt-log.c:218\n";

    /**
     * Flashes {@code program} through {@code probe}, resets and attaches (again while a slow machine has
     * not reached the fourth tick): the stream starts with the first tick and shows the fourth tick's error.
     */
    private void assertDecodes(String probe, String program, String board) throws Exception {
        String programmed = shell.run("flash:program -u " + probe + " " + ShippedRuntime.example(program + ".hex"));
        assertTrue(programmed, programmed.contains("Programmed " + program + ".hex"));
        shell.run("target:reset");
        String attach = "rtt:attach --elf " + ShippedRuntime.example(program + ".elf") + " --for 2";
        StringBuilder streamed = new StringBuilder(shell.run(attach));
        for (int again = 0; again < 5 && !streamed.toString().contains(FOURTH_TICK_ERROR); again++) {
            streamed.append(shell.run(attach));
        }
        assertTrue(streamed.toString(), streamed.toString().startsWith(firstTick(board)));
        assertTrue(streamed.toString(), streamed.toString().contains(FOURTH_TICK_ERROR));
        assertTrue(streamed.toString(), !streamed.toString().contains("garbled"));
    }

    @Test
    public void theMicrobitsFramesDecodeWithTheirSourceLines() throws Exception {
        assertDecodes("9900", "defmt-log", "micro:bit");
        String raw = shell.run("rtt:attach --elf " + ShippedRuntime.example("defmt-log.elf") + " --raw --for 1");
        assertTrue(raw, !raw.contains("INFO") && !raw.contains("└─"));
    }

    @Test
    public void theNucleosCortexM3FramesDecodeTheSame() throws Exception {
        assertDecodes("0670", "nucleo-defmt-log", "Nucleo-F103RB");
    }

    @Test
    public void theLonganNanosRiscvFramesDecodeTheSame() throws Exception {
        assertDecodes("PHRV0001", "longan-defmt-log", "Longan Nano");
    }
}
