package io.probehost.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The selector service finds the console of whichever Gogo command asks, in this bundle or another. */
public class CallerConsoleTest {
    private final ThreadIOImpl threadIo = new ThreadIOImpl();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private CommandProcessorImpl processor;

    /** Stands for a command of another bundle (flash:program) that calls the selector service. */
    public static final class OtherBundleCommand {
        public String ask() {
            CallerConsole console = CallerConsole.current();
            console.out().print("seen by the caller;");
            return console.terminal().map(t -> "answered " + t.readLine("pick> ")).orElse("no terminal");
        }
    }

    private CommandSession session(InputStream keyboard) {
        threadIo.start();
        processor = new CommandProcessorImpl(threadIo);
        processor.addCommand("other", new OtherBundleCommand(), "ask");
        return processor.createSession(keyboard, printed, printed);
    }

    @AfterEach
    void stop() {
        if (processor != null) {
            processor.stop();
        }
        threadIo.stop();
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void commandOfAnotherBundlePrintsOnItsSessionsConsole() throws Exception {
        CommandSession shell = session(new ByteArrayInputStream(new byte[0]));
        shell.execute("other:ask");
        shell.getConsole().flush();
        assertTrue(printed().contains("seen by the caller;"), printed());
    }

    @Test
    void jlineSessionPromptsOnItsConsoleAndReadsItsKeyboard() throws Exception {
        CommandSession shell = session(new ByteArrayInputStream("1\r\n".getBytes(StandardCharsets.UTF_8)));
        shell.put(".terminal", new Object());
        Object result = shell.execute("other:ask");
        shell.getConsole().flush();
        assertEquals("answered 1", result);
        assertTrue(printed().contains("seen by the caller;pick> "), printed());
    }

    @Test
    void outsideAnyCommandTheProcessConsoleIsUsed() {
        assertEquals(System.out, CallerConsole.current().out());
    }

    @Test
    void readLineStopsAtTheLineEndAndGivesNullAtTheEndOfInput() {
        InputStream in = new ByteArrayInputStream("ab\r\nc".getBytes(StandardCharsets.UTF_8));
        assertEquals("ab", CallerConsole.readLine(in));
        assertEquals("c", CallerConsole.readLine(in));
        assertNull(CallerConsole.readLine(in));
    }
}
