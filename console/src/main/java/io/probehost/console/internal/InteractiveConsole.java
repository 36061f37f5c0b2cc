package io.probehost.console.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.felix.gogo.jline.Expander;
import org.apache.felix.gogo.jline.Highlighter;
import org.apache.felix.gogo.jline.ParsedLineImpl;
import org.apache.felix.gogo.jline.Parser;
import org.apache.felix.gogo.jline.Shell;
import org.apache.felix.gogo.runtime.CommandSessionImpl;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.apache.felix.service.command.Job;
import org.jline.builtins.Completers;
import org.jline.builtins.Completers.CompletionEnvironment;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.probehost.command.CommandFailure;

/**
 * The interactive shell on a terminal: Gogo's line editor (history, completion, colours) with
 * Probehost's own read loop, so that a failure prints the one {@code Error:} line it prints
 * everywhere else, and Ctrl-C ends the running command without a Java class name.
 *
 * <p>It starts when the launcher starts Gogo's line editor bundle, only for a terminal (its Shell service
 * does the session set-up and reads the profile); a one-shot or piped run has no console.
 */
@Component(immediate = true, service = {})
public final class InteractiveConsole {
    /** The thread the console reads and runs command lines on; the launcher waits for its end. */
    static final String THREAD_NAME = "Probehost console";
    /** Gogo's message when no method of a command takes the arguments given. */
    private static final Pattern CANNOT_COERCE = Pattern.compile("^Cannot coerce (\\w+)\\(.*\\) to any of");
    private static final String NOT_FOUND = "Command not found: ";
    private static final long STOP_MILLIS = 1000;
    /** The session variable the console is in (hidden from {@code set}, as Gogo's own are). */
    static final String CONSOLE_VARIABLE = ".console";

    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Terminal terminal;
    private final Thread thread;

    @Activate
    public InteractiveConsole(@Reference CommandProcessor processor, @Reference(cardinality = ReferenceCardinality.OPTIONAL,
            policyOption = ReferencePolicyOption.GREEDY) Shell shell) throws IOException {
        if (shell == null) {
            terminal = null;
            thread = null;
            return;
        }
        terminal = TerminalBuilder.builder().name("probehost").system(true).nativeSignals(true)
                .signalHandler(Terminal.SignalHandler.SIG_IGN).build();
        CommandSession session = processor.createSession(terminal.input(), terminal.output(), terminal.output());
        thread = new Thread(() -> run(session, shell), THREAD_NAME);
        thread.start();
    }

    /**
     * Leaves the shell once the running line is done: the profile's {@code exit} and {@code quit} call
     * this on the session's {@value #CONSOLE_VARIABLE}.
     */
    public void exit() {
        stopping.set(true);
    }

    @Deactivate
    void deactivate() throws IOException, InterruptedException {
        stopping.set(true);
        if (thread == null) {
            return;
        }
        terminal.close();
        thread.interrupt();
        thread.join(STOP_MILLIS);
    }

    private void run(CommandSession session, Shell shell) {
        try {
            LineReader reader = lineReader(session);
            session.put(Shell.VAR_TERMINAL, terminal);
            session.put(Shell.VAR_READER, reader);
            session.put(Shell.VAR_COMPLETIONS, new HashMap<>());
            session.put(CONSOLE_VARIABLE, this);
            // Gogo's own set-up of a login session (variables, history file, gosh_profile), without its loop.
            shell.gosh(session, new String[] {"--login", "--noshutdown", "--nointeractive"});
            terminal.handle(Signal.INT, signal -> interruptForeground(session));
            readAndRun(session, reader);
            reader.getHistory().save();
        } catch (Exception e) {
            if (!stopping.get()) {
                printError(failureLine(e));
            }
        } finally {
            session.close();
        }
    }

    private void readAndRun(CommandSession session, LineReader reader) {
        while (!stopping.get()) {
            try {
                reader.readLine(Shell.getPrompt(session), Shell.getRPrompt(session), (Character) null, null);
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                return;
            }
            ParsedLine line = reader.getParsedLine();
            if (line == null) {
                return;
            }
            execute(session, ((ParsedLineImpl) line).program());
        }
    }

    private void execute(CommandSession session, CharSequence program) {
        try {
            Object result = session.execute(program);
            session.put(Shell.VAR_RESULT, result);
            if (result != null && !Boolean.FALSE.equals(session.get(".Gogo.format"))) {
                terminal.writer().println(session.format(result, Converter.INSPECT));
            }
        } catch (InterruptedException e) {
            // Ctrl-C ended the command: the terminal echoed ^C, which says it all; the prompt comes back
            // on a line of its own.
            terminal.writer().println();
        } catch (Exception e) {
            session.put(Shell.VAR_EXCEPTION, e);
            printError(failureLine(e));
        }
        terminal.flush();
        awaitForegroundJob(session);
    }

    /** A job brought to the foreground ({@code fg}) has the terminal until it ends or Ctrl-C stops it. */
    private static void awaitForegroundJob(CommandSession session) {
        Job job;
        while ((job = session.foregroundJob()) != null) {
            synchronized (job) {
                if (job.status() != Job.Status.Foreground) {
                    continue;
                }
                try {
                    job.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** What Gogo's own loop does on Ctrl-C: interrupt the command running in the foreground. */
    private static void interruptForeground(CommandSession session) {
        Job job = session.foregroundJob();
        if (job != null) {
            job.interrupt();
        }
    }

    private LineReader lineReader(CommandSession session) {
        CompletionEnvironment commands = new CompletionEnvironment() {
            @Override
            public java.util.Map<String, java.util.List<Completers.CompletionData>> getCompletions() {
                return Shell.getCompletions(session);
            }

            @Override
            public java.util.Set<String> getCommands() {
                return Shell.getCommands(session);
            }

            @Override
            public String resolveCommand(String command) {
                return Shell.resolve(session, command);
            }

            @Override
            public String commandName(String command) {
                return command.substring(command.indexOf(':') + 1);
            }

            @Override
            public Object evaluate(LineReader reader, ParsedLine line, String function) throws Exception {
                session.put(Shell.VAR_COMMAND_LINE, line);
                return session.execute(function);
            }
        };
        LineReader reader = LineReaderBuilder.builder().terminal(terminal)
                .variables(((CommandSessionImpl) session).getVariables())
                .completer(new Completers.Completer(commands)).highlighter(new Highlighter(session))
                .parser(new Parser()).expander(new Expander(session)).build();
        reader.setOpt(LineReader.Option.AUTO_FRESH_LINE);
        return reader;
    }

    private void printError(String line) {
        AttributedStringBuilder text = new AttributedStringBuilder();
        text.style(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED)).append(line);
        terminal.writer().println(text.toAnsi(terminal));
        terminal.flush();
    }

    /**
     * The {@code Error:} line of a failure, as a one-shot run prints it: Gogo's messages for a name no
     * command has and for arguments no method of a command takes are reworded.
     */
    static String failureLine(Throwable failure) {
        String message = CommandFailure.oneLine(failure);
        if (message.startsWith(NOT_FOUND)) {
            message = "unknown command '" + message.substring(NOT_FOUND.length()).replace("*:", "")
                    + "' (help lists the commands)";
        }
        Matcher coercion = CANNOT_COERCE.matcher(message);
        if (coercion.find()) {
            message = "bad arguments for " + coercion.group(1) + " (help " + coercion.group(1) + " shows its usage)";
        }
        return "Error: " + message;
    }
}
