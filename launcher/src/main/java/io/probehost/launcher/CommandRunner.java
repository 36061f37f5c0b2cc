package io.probehost.launcher;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Runs command lines through Gogo's CommandProcessor service. The launcher lives outside the
 * framework, so Gogo's types are reached reflectively rather than shared through the class path.
 */
final class CommandRunner {
    private static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
    private static final long READY_TIMEOUT_MILLIS = 5000;
    /** Gogo's message when no method of a command takes the arguments given. */
    private static final Pattern CANNOT_COERCE = Pattern.compile("^Cannot coerce (\\w+)\\(.*\\) to any of");

    private final BundleContext context;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean debug;
    /** The session's current folder and variables; for a station's client, the client's. */
    private final Path currentDir;
    private final Map<String, Object> variables;
    private volatile Session running;

    /**
     * @param out standard output as the process got it; Gogo replaces System.out with a stream that
     *            redirects per session, so a session writing to that would write to itself
     */
    CommandRunner(BundleContext context, PrintStream out, PrintStream err) {
        this(context, out, err, Boolean.getBoolean("probehost.debug"), null, Map.of());
    }

    /**
     * @param debug      whether failures also print their stack trace
     * @param currentDir the folder relative file names are resolved against; null for the process's
     * @param variables  session variables to set (a station's client on a terminal: its width)
     */
    CommandRunner(BundleContext context, PrintStream out, PrintStream err, boolean debug, Path currentDir,
            Map<String, Object> variables) {
        this.context = context;
        this.out = out;
        this.err = err;
        this.debug = debug;
        this.currentDir = currentDir;
        this.variables = Map.copyOf(variables);
    }

    /** Runs one command line; returns the process exit status. */
    int runOnce(String commandLine, String commandName) {
        // Gogo replaces System.in with a per-session redirect; the session gets the process's own input.
        return runOnce(commandLine, commandName, new FileInputStream(FileDescriptor.in));
    }

    /** Runs one command line with {@code in} as its input; returns the exit status. */
    int runOnce(String commandLine, String commandName, InputStream in) {
        awaitCommand(commandName);
        return runStarted(commandLine, in);
    }

    /**
     * Runs one command line on a runtime that has finished starting (a station's), where an unknown
     * command is unknown at once rather than after waiting for it to register.
     */
    int runStarted(String commandLine, InputStream in) {
        try (Session session = openSession(in)) {
            return execute(session, commandLine) ? 0 : 1;
        }
    }

    /** Runs every line of a script (standard input that is not a terminal); 1 if any line failed. */
    int runScript(InputStream in) {
        return runLines(in, InputStream.nullInputStream(), null);
    }

    /**
     * Runs lines as they are typed, showing {@code prompt} before each (a station's client on a
     * terminal); the commands read their answers from the same input. Failed lines have said so: 0.
     */
    int runPrompted(InputStream in, String prompt) {
        runLines(in, in, prompt);
        // Ctrl-D left the cursor after the prompt; a shell ends with 0 as the local one does.
        out.println();
        return 0;
    }

    /** Interrupts the command running now, as Ctrl-C does in the shell; nothing when none runs. */
    void interrupt() {
        Session session = running;
        if (session != null) {
            session.interruptForeground();
        }
    }

    private int runLines(InputStream in, InputStream keyboard, String prompt) {
        int status = 0;
        try (Session session = openSession(keyboard);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while (prompt(prompt) && (line = lines.readLine()) != null) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (trimmed.equals("exit") || trimmed.equals("quit")) {
                    break;
                }
                if (!execute(session, trimmed)) {
                    status = 1;
                }
            }
        } catch (IOException e) {
            err.println("Error: cannot read commands: " + e.getMessage());
            return 1;
        }
        return status;
    }

    private boolean prompt(String prompt) {
        if (prompt != null) {
            out.print(prompt);
            out.flush();
        }
        return true;
    }

    private boolean execute(Session session, String commandLine) {
        try {
            Object result = session.execute(commandLine);
            if (result != null) {
                String text = session.format(result);
                out.println(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
            }
            out.flush();
            return true;
        } catch (Throwable failure) {
            out.flush();
            err.println("Error: " + oneLine(failure));
            if (debug) {
                failure.printStackTrace(err);
            }
            return false;
        }
    }

    /**
     * The failure's message on one line, as the commands' own failures print everywhere; Gogo's
     * messages for a command it cannot find or cannot call with the arguments given are reworded.
     */
    static String oneLine(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof InvocationTargetException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            message = cause.getClass().getSimpleName();
        }
        if (message.startsWith("Command not found: ")) {
            message = "unknown command '" + message.substring("Command not found: ".length()).replace("*:", "")
                    + "' (help lists the commands)";
        }
        Matcher coercion = CANNOT_COERCE.matcher(message);
        if (coercion.find()) {
            message = "bad arguments for " + coercion.group(1) + " (help " + coercion.group(1) + " shows its usage)";
        }
        return FrameworkHost.firstLine(message).trim();
    }

    /** Waits until the command's service is registered, so start-up order never turns into "not found". */
    void awaitCommand(String commandName) {
        int colon = commandName.indexOf(':');
        String filter = colon < 0 ? "(osgi.command.function=" + commandName + ")"
                : "(&(osgi.command.scope=" + commandName.substring(0, colon) + ")(osgi.command.function="
                        + commandName.substring(colon + 1) + "))";
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MILLIS;
        try {
            while (System.currentTimeMillis() < deadline) {
                ServiceReference<?>[] refs = context.getAllServiceReferences(null, filter);
                if (refs != null && context.getServiceReference(PROCESSOR) != null) {
                    return;
                }
                Thread.sleep(10);
            }
        } catch (InvalidSyntaxException e) {
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Session openSession(InputStream in) {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MILLIS;
        ServiceReference<?> reference;
        while ((reference = context.getServiceReference(PROCESSOR)) == null) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the command shell did not start");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the command shell");
            }
        }
        Object processor = context.getService(reference);
        try {
            Method create = findMethod(processor.getClass(), "createSession", 3);
            Session session = new Session(create.invoke(processor, in, (OutputStream) out, (OutputStream) err));
            session.prepare(currentDir, variables);
            running = session;
            return session;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot open a command session: " + e);
        }
    }

    static Method findMethod(Class<?> type, String name, int parameters) throws NoSuchMethodException {
        for (Class<?> candidate : type.getInterfaces()) {
            for (Method method : candidate.getMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == parameters) {
                    return method;
                }
            }
        }
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == parameters) {
                return method;
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name);
    }

    /** A Gogo CommandSession, reached reflectively. */
    private static final class Session implements AutoCloseable {
        private final Object session;

        Session(Object session) {
            this.session = session;
        }

        Object execute(String line) throws Throwable {
            try {
                return findMethod(session.getClass(), "execute", 1).invoke(session, line);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        void prepare(Path currentDir, Map<String, Object> variables) throws ReflectiveOperationException {
            if (currentDir != null) {
                findMethod(session.getClass(), "currentDir", 1).invoke(session, currentDir);
            }
            Method put = findMethod(session.getClass(), "put", 2);
            for (Map.Entry<String, Object> variable : variables.entrySet()) {
                put.invoke(session, variable.getKey(), variable.getValue());
            }
        }

        /** What Gogo's own shell does on Ctrl-C: interrupts the job in the foreground. */
        void interruptForeground() {
            try {
                Object job = findMethod(session.getClass(), "foregroundJob", 0).invoke(session);
                if (job != null) {
                    findMethod(job.getClass(), "interrupt", 0).invoke(job);
                }
            } catch (ReflectiveOperationException e) {
                // no job to interrupt
            }
        }

        String format(Object result) {
            if (result instanceof CharSequence) {
                return result.toString();
            }
            try {
                Method format = findMethod(session.getClass(), "format", 2);
                return String.valueOf(format.invoke(session, result, 0));
            } catch (ReflectiveOperationException e) {
                return String.valueOf(result);
            }
        }

        @Override
        public void close() {
            try {
                findMethod(session.getClass(), "close", 0).invoke(session);
            } catch (ReflectiveOperationException ignored) {
                // the framework stops next anyway
            }
        }
    }
}
