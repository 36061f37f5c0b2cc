package io.probehost.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Job;

import io.probehost.command.CommandConsole;

/**
 * Where the command asking for a probe talks to its user: the output for the waiting message and the
 * list, and the terminal to prompt on when there is one.
 *
 * @param terminal the terminal to ask on; empty for scripts, tests and redirected runs
 * @param out      where messages and the probe list go
 */
record CallerConsole(Optional<ShellProbeSelector.Terminal> terminal, PrintStream out) {
    /** Gogo's jline shell keeps its terminal in this session variable. */
    private static final String TERMINAL_VARIABLE = CommandConsole.TERMINAL_VARIABLE;
    /** ... and its line editor (a jline {@code LineReader}) in this one. */
    static final String READER_VARIABLE = ".reader";
    /** jline's {@code LineReader.DISABLE_HISTORY}: the answer to a probe prompt stays out of the shell's history. */
    static final String DISABLE_HISTORY = "disable-history";

    /**
     * The console of the Gogo command running on this thread, whichever bundle provides the
     * command; outside any Gogo command, the process's.
     */
    static CallerConsole current() {
        Job job = Job.Utils.current();
        return of(job == null ? null : job.session());
    }

    static CallerConsole of(CommandSession shell) {
        return new CallerConsole(terminal(shell), CommandConsole.out(shell));
    }

    /**
     * The jline shell's terminal, or in one-shot mode the process's console (read directly: the
     * one-shot session's keyboard is Gogo's redirected standard input). Scripts and tests have none.
     */
    private static Optional<ShellProbeSelector.Terminal> terminal(CommandSession shell) {
        Optional<ShellProbeSelector.Terminal> editor = lineEditor(shell);
        if (editor.isPresent()) {
            return editor;
        }
        if (shell != null && shell.get(TERMINAL_VARIABLE) != null && shell.getKeyboard() != null) {
            PrintStream out = CommandConsole.out(shell);
            InputStream in = shell.getKeyboard();
            return Optional.of(prompt -> {
                out.print(prompt);
                out.flush();
                return readLine(in);
            });
        }
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        return Optional.of(prompt -> {
            CommandConsole.out(shell).flush();
            return console.readLine("%s", prompt);
        });
    }

    /**
     * The shell's own line editor, free while one of its commands runs: it answers Ctrl-C (the prompt
     * is cancelled, as if nothing was chosen) and Ctrl-D, and leaves the terminal to the shell after;
     * a plain read of the terminal would go on swallowing what is typed at the next shell prompt.
     */
    private static Optional<ShellProbeSelector.Terminal> lineEditor(CommandSession shell) {
        Object reader = shell == null ? null : shell.get(READER_VARIABLE);
        if (reader == null) {
            return Optional.empty();
        }
        Method readLine;
        try {
            readLine = reader.getClass().getMethod("readLine", String.class);
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
        return Optional.of(prompt -> {
            Object historyWas = variable(reader, DISABLE_HISTORY);
            setVariable(reader, DISABLE_HISTORY, Boolean.TRUE);
            try {
                return (String) readLine.invoke(reader, prompt);
            } catch (InvocationTargetException cancelledOrEnded) {
                // jline's UserInterruptException (Ctrl-C) or EndOfFileException (Ctrl-D)
                return null;
            } catch (IllegalAccessException e) {
                return null;
            } finally {
                setVariable(reader, DISABLE_HISTORY, historyWas);
            }
        });
    }

    /** The line editor's variable {@code name}, or null (also when the editor has no variables). */
    private static Object variable(Object reader, String name) {
        try {
            return reader.getClass().getMethod("getVariable", String.class).invoke(reader, name);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** Sets (null: removes) the line editor's variable {@code name}, when it has variables. */
    private static void setVariable(Object reader, String name, Object value) {
        try {
            reader.getClass().getMethod("setVariable", String.class, Object.class).invoke(reader, name, value);
        } catch (ReflectiveOperationException e) {
            // an editor without variables keeps no history to protect
        }
    }

    static String readLine(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (b != '\r') {
                    line.write(b);
                }
            }
            if (b < 0 && line.size() == 0) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
