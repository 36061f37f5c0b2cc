package io.probehost.launcher;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Entry point of {@code ./probehost}: starts the OSGi runtime, then runs one command or a shell.
 * The process always ends with an exit status: 0 on success, 1 when the command failed, 2 for a
 * bad command line, 3 when the runtime could not start.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int status;
        try {
            status = run(args, err);
        } catch (IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            status = 2;
        } catch (RuntimeException | Error e) {
            err.println("Error: " + e);
            status = 3;
        }
        System.out.flush();
        err.flush();
        Runtime.getRuntime().halt(status);
    }

    static int run(String[] args, PrintStream err) {
        LaunchOptions options = LaunchOptions.parse(args);
        if (options.help()) {
            System.out.println(LaunchOptions.usage());
            return 0;
        }
        RuntimeLayout layout = RuntimeLayout.fromSystemProperties(options.sim());
        try (FrameworkHost host = FrameworkHost.start(layout, options)) {
            CommandRunner runner = new CommandRunner(host.context(), err);
            if (options.oneShot()) {
                return runner.runOnce(options.commandLine(), options.command().get(0));
            }
            if (System.console() != null && host.startConsole()) {
                host.awaitStop();
                return 0;
            }
            return runner.runScript(System.in);
        }
    }

    static Path home() {
        return Path.of(System.getProperty("probehost.home", "."));
    }
}
