package io.probehost.launcher;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Entry point of {@code ./probehost}: starts the OSGi runtime, then runs one command or a shell.
 * The process always ends with an exit status: 0 on success, 1 when the command failed, 2 for a
 * bad command line, 3 when the runtime could not start. {@code serve} runs a {@link Station}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status;
        try {
            status = run(args, out, err);
        } catch (IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            status = 2;
        } catch (RuntimeException | Error e) {
            err.println("Error: " + CommandRunner.oneLine(e));
            if (Boolean.getBoolean("probehost.debug")) {
                e.printStackTrace(err);
            }
            status = 3;
        }
        out.flush();
        err.flush();
        if (Boolean.getBoolean("probehost.timing")) {
            new StartupTimer(err, true).mark("runtime stopped");
        }
        Runtime.getRuntime().halt(status);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        LaunchOptions options = LaunchOptions.parse(args);
        if (options.help()) {
            out.println(LaunchOptions.usage());
            return 0;
        }
        if (options.serve()) {
            return Station.serve(options, err);
        }
        RuntimeLayout layout = RuntimeLayout.fromSystemProperties(options.sim());
        StartupTimer timer = new StartupTimer(err, Boolean.getBoolean("probehost.timing"));
        try (FrameworkHost host = FrameworkHost.start(layout, options, timer)) {
            timer.mark("runtime started");
            // Ctrl-C or a kill still stops the runtime: sessions close and the lab saves its flash.
            Runtime.getRuntime().addShutdownHook(new Thread(host::close, "probehost-shutdown"));
            CommandRunner runner = new CommandRunner(host.context(), out, err);
            if (options.oneShot()) {
                int status = runner.runOnce(options.commandLine(), options.command().get(0));
                timer.mark("command done");
                return status;
            }
            if (System.console() != null) {
                InteractiveShell.ensureTerminalSize();
                if (host.startConsole()) {
                    InteractiveShell.awaitEnd(host.context().getBundle());
                    return 0;
                }
            }
            return runner.runScript(new FileInputStream(FileDescriptor.in));
        }
    }

    static Path home() {
        return Path.of(System.getProperty("probehost.home", "."));
    }
}
