package io.probehost.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandConsoleTest {

    @Test
    void aMissingFileIsNamedAsSuch(@TempDir Path dir) {
        Path missing = dir.resolve("x.hex");
        assertEquals("no such file: " + missing,
                assertThrows(CommandFailure.class, () -> CommandConsole.read(missing)).getMessage());
        assertEquals(dir + " is a folder, not a file",
                assertThrows(CommandFailure.class, () -> CommandConsole.read(dir)).getMessage());
        assertEquals("no such folder: " + dir.resolve("no"), assertThrows(CommandFailure.class,
                () -> CommandConsole.write(dir.resolve("no").resolve("x.bin"), new byte[1])).getMessage());
    }

    @Test
    void whatIsWrittenReadsBack(@TempDir Path dir) {
        Path file = dir.resolve("x.bin");
        CommandConsole.write(file, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, CommandConsole.read(file));
    }

    @Test
    void theProgressBarDrawsOnlyOnATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar piped = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        piped.update("read", 1, 2);
        piped.finish();
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));

        ProgressBar terminal = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        terminal.update("read", 2, 2);
        terminal.finish();
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertEquals('\r', drawn.charAt(0));
        assertEquals("read    [" + "#".repeat(30) + "] 100% 2/2 bytes", drawn.substring(1, drawn.indexOf(" bytes") + 6));
    }
}
