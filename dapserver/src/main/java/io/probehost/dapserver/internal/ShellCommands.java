package io.probehost.dapserver.internal;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;

import io.probehost.command.CommandFailure;

/**
 * The debug console's REPL: a line is a shell command, run through Gogo on the session the adapter
 * debugs; the answer is what it printed and its result, or its {@code Error:} line.
 */
final class ShellCommands {
    private final CommandProcessor processor;

    ShellCommands(CommandProcessor processor) {
        this.processor = processor;
    }

    String run(String line) {
        if (processor == null) {
            throw new DapException("no shell to run '" + line + "' in");
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8);
        CommandSession shell = processor.createSession(InputStream.nullInputStream(), console, console);
        try {
            Object result = shell.execute(line);
            if (result != null) {
                console.print(shell.format(result, Converter.INSPECT));
            }
        } catch (Exception e) {
            console.print("Error: " + CommandFailure.oneLine(e));
        } finally {
            shell.close();
        }
        return printed.toString(StandardCharsets.UTF_8).stripTrailing();
    }
}
