package io.probehost.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProgressBoardTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pipedRowsPrintAPlainLineWhenAStepCompletesAndWhenTheyEnd() {
        ProgressBoard board = new ProgressBoard(out, false, List.of("PHLAB01", "9900"));
        board.update(0, "erase", 512, 1024);
        board.update(1, "erase", 1024, 1024);
        board.update(0, "erase", 1024, 1024);
        board.update(0, "erase", 1024, 1024);
        board.finish(1, "failed: probe busy");
        String[] lines = printed().split("\n");
        assertEquals(3, lines.length, printed());
        assertTrue(lines[0].startsWith("9900    erase   [###"), lines[0]);
        assertTrue(lines[1].startsWith("PHLAB01 erase   [###") && lines[1].contains("100% 1,024/1,024 bytes"), lines[1]);
        assertEquals("9900    failed: probe busy", lines[2]);
    }

    @Test
    void terminalRowsAreRedrawnInPlaceBelowTheirLabels() {
        ProgressBoard board = new ProgressBoard(out, true, List.of("A", "B", "C"));
        assertEquals("A waiting\nB waiting\nC waiting\n", printed());
        bytes.reset();
        board.finish(1, "done");
        assertEquals("\033[2A\rB done\033[K\033[2B\r", printed(), "two rows up, the row, two rows down");
    }
}
