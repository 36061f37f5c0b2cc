package io.probehost.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ProgressBarRateTest {

    @Test
    void aStepReportedOnlyWhenDoneCountsFromTheEndOfTheStepBefore() {
        AtomicLong clock = new AtomicLong(1_000_000_000L);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, clock::get);
        clock.addAndGet(500_000_000L);
        bar.update("erase", 1024, 1024);
        clock.addAndGet(250_000_000L);
        bar.update("program", 1024, 1024);
        bar.finish();
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("\r" + ProgressBar.line("erase", 1024, 1024, 500_000_000L), lines[0]);
        assertEquals("\r" + ProgressBar.line("program", 1024, 1024, 250_000_000L), lines[1]);
        assertEquals("\rprogram [##############################] 100% 1,024/1,024 bytes 4.0 KB/s", lines[1]);
    }
}
