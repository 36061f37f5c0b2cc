package io.probehost.command;

import java.lang.reflect.InvocationTargetException;

import io.probehost.api.ProbeException;

/**
 * How a command fails: one line a user can act on. Its {@link #toString()} is the {@code Error:} line
 * itself, so every front end prints the same text, also the line editor, which prints a failed
 * command's exception as it is; the original failure stays as the cause for debugging.
 */
public final class CommandFailure extends ProbeException {
    private static final long serialVersionUID = 1L;

    public CommandFailure(String message) {
        super(message);
    }

    public CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** The failure as one line, keeping {@code failure} as the cause. */
    public static CommandFailure of(Throwable failure) {
        if (failure instanceof CommandFailure) {
            return (CommandFailure) failure;
        }
        return new CommandFailure(oneLine(failure), failure);
    }

    /** The message of a failure (through reflection wrappers), on one line, never a class name unless it has none. */
    public static String oneLine(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof InvocationTargetException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            message = cause.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }

    @Override
    public String toString() {
        return "Error: " + getMessage();
    }
}
