package io.probehost.launcher;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.osgi.framework.Bundle;

/**
 * The launcher's side of the interactive shell (Gogo's line editor on this terminal): a terminal the
 * editor can draw on, and the end of the shell, after which the launcher stops the runtime.
 */
final class InteractiveShell {
    /** The thread Probehost's console (the command bundle's) reads and runs commands on. */
    static final String SHELL_THREAD = "Probehost console";
    private static final long POLL_MILLIS = 20;
    private static final long JOIN_MILLIS = 200;

    private InteractiveShell() {
    }

    /**
     * A pseudo-terminal that reports no size (one made by a bare {@code script}, or by a program that
     * never set it) gets 80x24: with zero columns the line editor draws nothing, not even the prompt.
     */
    static void ensureTerminalSize() {
        Optional<String> size = stty("size");
        if (size.isPresent() && hasZeroDimension(size.get())) {
            stty("rows", "24", "cols", "80");
        }
    }

    /** Whether {@code stty size}'s answer ({@code "ROWS COLUMNS"}) has a zero in it. */
    static boolean hasZeroDimension(String sttySize) {
        String[] words = sttySize.trim().split("\\s+");
        if (words.length != 2) {
            return false;
        }
        return words[0].equals("0") || words[1].equals("0");
    }

    /**
     * Waits until the shell ends ({@code exit}, {@code quit}, Ctrl-D) or the runtime stops (a command
     * stopped the framework).
     */
    static void awaitEnd(Bundle framework) {
        boolean started = false;
        try {
            while (framework.getState() == Bundle.ACTIVE) {
                Optional<Thread> shell = shellThread();
                if (shell.isPresent()) {
                    started = true;
                    shell.get().join(JOIN_MILLIS);
                } else if (started) {
                    return;
                } else {
                    Thread.sleep(POLL_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Thread> shellThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(SHELL_THREAD) && thread.isAlive()).findFirst();
    }

    /** Runs stty on this process's terminal; its output, or nothing when it failed. */
    private static Optional<String> stty(String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = "stty";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        try {
            Process process = new ProcessBuilder(command).redirectInput(Redirect.INHERIT)
                    .redirectError(Redirect.DISCARD).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
