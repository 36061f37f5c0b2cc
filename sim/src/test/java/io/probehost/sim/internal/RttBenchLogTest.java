package io.probehost.sim.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class RttBenchLogTest {

    /** The line examples/rtt-bench.c writes for {@code sequence} at {@code stamp}. */
    private static String line(long sequence, long stamp) {
        StringBuilder text = new StringBuilder(String.format("%08x %08x ", sequence, stamp));
        for (int i = 0; i < 13; i++) {
            text.append((char) ('a' + ((sequence + i) & 15)));
        }
        return text.append('\n').toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void linesSplitAcrossReadsComeWholeWithTheirStamps() {
        RttBenchLog log = new RttBenchLog();
        byte[] two = bytes(line(7, 0x100) + line(8, 0x1ff));

        assertEquals(List.of(), log.accept(Arrays.copyOfRange(two, 0, 20)));
        assertEquals(List.of(new RttBenchLog.Line(7, 0x100), new RttBenchLog.Line(8, 0x1ff)),
                log.accept(Arrays.copyOfRange(two, 20, two.length)));
        assertEquals(0, log.lostBytes());
    }

    @Test
    void aGapInTheSequenceAndACorruptLineAreLostBytes() {
        RttBenchLog log = new RttBenchLog();
        log.accept(bytes(line(1, 0) + line(4, 0)));
        assertEquals(2, log.missing());
        String whole = line(5, 0);
        log.accept(bytes(whole.substring(0, 30) + "z\n"));
        assertEquals(1, log.corrupt());
        assertEquals(3 * 32, log.lostBytes());
        assertEquals(2, log.lines());
    }
}
