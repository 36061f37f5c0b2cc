package io.probehost.itest.soak;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

/**
 * The station soak (issue 14 item 7): {@code ./probehost serve --sim} on an 8-probe lab (CMSIS-DAP,
 * ST-Link, J-Link and Picoprobe probes before nRF51822s and STM32F103RBs), driven through the attach
 * client by concurrent clients with random commands and random faults. Every command ends within its
 * bound with a result or one {@code Error:} line, and the station's threads, heap and open files stay
 * flat. In the suite it runs 300 commands; {@code bench/station-soak.sh} runs it with
 * {@code -Dsoak.commands=10000}. The table goes to standard output and {@code target/station-soak.txt}.
 */
public class StationSoakIT {
    private static final Path TOP = Path.of(System.getProperty("probehost.top", "..")).toAbsolutePath().normalize();

    @Test
    public void everyCommandEndsInItsBoundWithAResultOrOneErrorLineAndResourcesStayFlat() throws Exception {
        int commands = Integer.getInteger("soak.commands", 300);
        int clients = Integer.getInteger("soak.clients", 4);
        int sampleEvery = Integer.getInteger("soak.sampleEvery", Math.max(1, Math.min(1000, commands / 5)));
        long seed = Long.getLong("soak.seed", 14_7L);
        SoakLab lab = SoakLab.read(TOP.resolve("bench/station-soak-lab.json"));
        SoakReport report;
        int stopStatus;
        String stationOutput;
        try (StationProcess station = StationProcess.start(TOP, lab.file())) {
            report = new StationSoak(station, new CommandMix(seed, lab, TOP.resolve("examples")), clients)
                    .run(commands, sampleEvery);
            stopStatus = station.stop();
            stationOutput = station.output();
        }
        String table = report.table() + String.format("Seed %d; station stopped with status %d%n", seed, stopStatus);
        System.out.print(table);
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("station-soak.txt"), table);

        int ran = report.kinds().values().stream().mapToInt(KindFigures::count).sum();
        assertTrue("all " + commands + " commands ran (besides connects and restores): " + ran, ran >= commands);
        assertEquals(table, List.of(), report.failures());
        assertEquals("the station stops cleanly on SIGTERM: " + stationOutput, 0, stopStatus);
    }
}
