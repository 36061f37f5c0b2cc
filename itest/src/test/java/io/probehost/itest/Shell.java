package io.probehost.itest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;

/** Runs Gogo command lines the way a user types them, and returns what they print or return. */
final class Shell {
    private final CommandProcessor processor;

    Shell(CommandProcessor processor) {
        this.processor = processor;
    }

    String run(String commandLine) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
                CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), print, print)) {
            Object result = session.execute(commandLine);
            print.flush();
            String printed = out.toString(StandardCharsets.UTF_8);
            return result == null ? printed : printed + result;
        }
    }

    /**
     * Polls {@code target:status} until the core is halted, up to {@code polls} times 10 ms apart;
     * returns the last status line.
     */
    String awaitHalt(int polls) throws Exception {
        String status = "";
        for (int i = 0; i < polls; i++) {
            status = run("target:status").trim();
            if (status.startsWith("Halted")) {
                return status;
            }
            Thread.sleep(10);
        }
        return status;
    }

    /** Runs a command that must fail, and returns the failure's message. */
    String fail(String commandLine) {
        try {
            String output = run(commandLine);
            throw new AssertionError("expected '" + commandLine + "' to fail, but it printed: " + output);
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            return e.getMessage();
        }
    }
}
