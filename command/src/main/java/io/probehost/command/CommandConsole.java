package io.probehost.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.apache.felix.service.command.CommandSession;

/** Where a command prints and which files it means: its Gogo session's console and current folder. */
public final class CommandConsole {
    /** Gogo's line editor keeps its terminal in this session variable. */
    public static final String TERMINAL_VARIABLE = ".terminal";
    /**
     * A command whose outcome is a number of its own ({@code run}: the firmware's exit code) leaves it
     * in this session variable; a one-shot run exits with it (the launcher reads the same name).
     */
    public static final String EXIT_STATUS_VARIABLE = ".exit.status";

    private CommandConsole() {
    }

    /** The command's output: its session's console, or the process's outside a session. */
    public static PrintStream out(CommandSession shell) {
        return shell == null || shell.getConsole() == null ? System.out : shell.getConsole();
    }

    /** Makes {@code status} the exit status of a one-shot run of the command now running in {@code shell}. */
    public static void exitStatus(CommandSession shell, int status) {
        if (shell != null) {
            shell.put(EXIT_STATUS_VARIABLE, status);
        }
    }

    /** Whether a person watches the output: the line editor's terminal, or a one-shot run on a terminal. */
    public static boolean isTerminal(CommandSession shell) {
        return shell != null && shell.get(TERMINAL_VARIABLE) != null || System.console() != null;
    }

    /**
     * The line editor's terminal width in columns; empty outside the line editor (one-shot and piped
     * runs), whose output keeps one line per row for scripts.
     */
    public static OptionalInt width(CommandSession shell) {
        if (shell == null || shell.get(TERMINAL_VARIABLE) == null) {
            return OptionalInt.empty();
        }
        Object columns = shell.get("COLUMNS");
        if (columns instanceof Number && ((Number) columns).intValue() > 0) {
            return OptionalInt.of(((Number) columns).intValue());
        }
        return OptionalInt.empty();
    }

    /** {@code text} cut at spaces into lines of at most {@code width} characters (a longer word keeps its own line). */
    public static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A path relative to the session's current folder. */
    public static Path file(CommandSession shell, String name) {
        Path path = Path.of(name);
        if (path.isAbsolute() || shell == null || shell.currentDir() == null) {
            return path.toAbsolutePath();
        }
        return shell.currentDir().resolve(path);
    }

    /** The whole file; a missing or unreadable one fails with a line that says which and why. */
    public static byte[] read(Path file) {
        if (Files.isDirectory(file)) {
            throw new CommandFailure(file + " is a folder, not a file");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CommandFailure("no such file: " + file);
        } catch (AccessDeniedException e) {
            throw new CommandFailure("cannot read " + file + ": permission denied");
        } catch (IOException e) {
            throw new CommandFailure("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Writes the whole file; a missing folder or a refusal fails with a line that says which and why. */
    public static void write(Path file, byte[] data) {
        try {
            Files.write(file, data);
        } catch (NoSuchFileException e) {
            throw new CommandFailure("no such folder: " + file.getParent());
        } catch (AccessDeniedException e) {
            throw new CommandFailure("cannot write " + file + ": permission denied");
        } catch (IOException e) {
            throw new CommandFailure("cannot write " + file + ": " + e.getMessage());
        }
    }
}
