package io.probehost.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.apache.felix.service.command.CommandSession;

/** Where a command prints and which files it means: its Gogo session's console and current folder. */
public final class CommandConsole {
    /** Gogo's line editor keeps its terminal in this session variable. */
    public static final String TERMINAL_VARIABLE = ".terminal";

    private CommandConsole() {
    }

    /** The command's output: its session's console, or the process's outside a session. */
    public static PrintStream out(CommandSession shell) {
        return shell == null || shell.getConsole() == null ? System.out : shell.getConsole();
    }

    /** Whether a person watches the output: the line editor's terminal, or a one-shot run on a terminal. */
    public static boolean isTerminal(CommandSession shell) {
        return shell != null && shell.get(TERMINAL_VARIABLE) != null || System.console() != null;
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
