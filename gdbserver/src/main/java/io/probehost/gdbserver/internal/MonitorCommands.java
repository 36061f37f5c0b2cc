package io.probehost.gdbserver.internal;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;

import io.probehost.command.CommandFailure;

/**
 * GDB's {@code monitor} ({@code qRcmd}): any shell command, run through Gogo's command processor
 * on the session the server uses, with its output and result (or its {@code Error:} line) as text.
 * The words debuggers send out of habit ({@code reset halt}, {@code halt}) are the matching
 * {@code target:} commands.
 */
final class MonitorCommands {
    /** What OpenOCD and pyOCD users type, as Probehost commands. */
    static final Map<String, String> ALIASES = Map.of(
            "reset", "target:reset",
            "reset run", "target:reset",
            "reset halt", "target:reset -h",
            "reset init", "target:reset -h",
            "halt", "target:halt",
            "go", "target:go",
            "resume", "target:go",
            "step", "target:step");

    private final CommandProcessor processor;

    MonitorCommands(CommandProcessor processor) {
        this.processor = processor;
    }

    /** The shell command a monitor line stands for. */
    static String commandFor(String monitorLine) {
        String trimmed = monitorLine.trim().replaceAll("\\s+", " ");
        return ALIASES.getOrDefault(trimmed, trimmed);
    }

    /** Runs the line and returns everything it printed, ending with a newline when not empty. */
    String run(String monitorLine) {
        String command = commandFor(monitorLine);
        if (command.isEmpty()) {
            return "";
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        CommandSession session = processor.createSession(InputStream.nullInputStream(), out, out);
        try {
            Object result = session.execute(command);
            if (result != null) {
                out.println(session.format(result, Converter.INSPECT));
            }
        } catch (Exception e) {
            out.println("Error: " + CommandFailure.oneLine(e));
        } finally {
            session.close();
        }
        out.flush();
        String text = captured.toString(StandardCharsets.UTF_8);
        return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
    }
}
