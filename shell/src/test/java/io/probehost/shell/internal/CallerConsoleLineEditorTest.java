package io.probehost.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** In the interactive shell the probe prompt is read with the shell's line editor, which Ctrl-C cancels. */
public class CallerConsoleLineEditorTest {
    private final ThreadIOImpl threadIo = new ThreadIOImpl();
    private CommandProcessorImpl processor;

    /** Stands for jline's LineReader: answers in turn, a {@code null} answer standing for Ctrl-C. */
    public static final class LineEditor {
        private final List<String> answers;
        final List<String> prompts = new ArrayList<>();
        final Map<String, Object> variables = new HashMap<>();
        final List<Object> historyDisabledWhileReading = new ArrayList<>();

        LineEditor(String... answers) {
            this.answers = new ArrayList<>(List.of(answers));
        }

        public Object getVariable(String name) {
            return variables.get(name);
        }

        public void setVariable(String name, Object value) {
            if (value == null) {
                variables.remove(name);
            } else {
                variables.put(name, value);
            }
        }

        public String readLine(String prompt) {
            prompts.add(prompt);
            historyDisabledWhileReading.add(variables.get(CallerConsole.DISABLE_HISTORY));
            String answer = answers.remove(0);
            if (answer.equals("^C")) {
                throw new IllegalStateException("UserInterruptException");
            }
            return answer;
        }
    }

    public static final class AskingCommand {
        public String ask() {
            return CallerConsole.current().terminal().map(t -> "answered " + t.readLine("pick> ")).orElse("no terminal");
        }
    }

    private CommandSession session(LineEditor editor) {
        threadIo.start();
        processor = new CommandProcessorImpl(threadIo);
        processor.addCommand("other", new AskingCommand(), "ask");
        CommandSession shell = processor.createSession(new ByteArrayInputStream("typed ahead\n".getBytes(
                StandardCharsets.UTF_8)), new ByteArrayOutputStream(), new ByteArrayOutputStream());
        shell.put(".terminal", new Object());
        shell.put(CallerConsole.READER_VARIABLE, editor);
        return shell;
    }

    @AfterEach
    void stop() {
        if (processor != null) {
            processor.stop();
        }
        threadIo.stop();
    }

    @Test
    void thePromptIsReadWithTheLineEditorNotTheKeyboard() throws Exception {
        LineEditor editor = new LineEditor("1");
        assertEquals("answered 1", session(editor).execute("other:ask"));
        assertEquals(List.of("pick> "), editor.prompts);
    }

    @Test
    void theAnswerStaysOutOfTheShellsHistory() throws Exception {
        LineEditor editor = new LineEditor("1");
        session(editor).execute("other:ask");
        assertEquals(List.of(Boolean.TRUE), editor.historyDisabledWhileReading);
        assertEquals(Map.of(), editor.variables);
    }

    @Test
    void ctrlCAtThePromptAnswersNothing() throws Exception {
        assertEquals("answered null", session(new LineEditor("^C")).execute("other:ask"));
    }
}
