package io.probehost.launcher;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;

import io.probehost.client.AttachRequest;

/**
 * A station's clients' requests run as Gogo sessions of the station's runtime, one per client, in the
 * client's current folder: a one-shot command, lines typed at a prompt (a client on a terminal with
 * no command), or a script (input that is not a terminal), as {@code ./probehost} runs them alone.
 */
final class GogoStationCommands implements StationCommands {
    static final String PROMPT = "probehost> ";
    /** Set for a client on a terminal, as Gogo's line editor sets it: commands then treat the session as a person's. */
    private static final String TERMINAL_VARIABLE = ".terminal";

    private final BundleContext context;
    private final boolean sim;

    GogoStationCommands(BundleContext context, boolean sim) {
        this.context = context;
        this.sim = sim;
    }

    @Override
    public Execution start(AttachRequest request, InputStream in, PrintStream out, PrintStream err) {
        if (request.sim() && !sim) {
            throw new IllegalArgumentException("--sim: the station on this state folder runs without the lab "
                    + "(restart it with ./probehost serve --sim, or give this command another PROBEHOST_STATE)");
        }
        List<String> command = request.arguments();
        boolean prompted = command.isEmpty() && request.terminal();
        Map<String, Object> variables = new HashMap<>();
        if (prompted) {
            variables.put(TERMINAL_VARIABLE, "station client " + request.clientPid());
            if (request.columns() > 0) {
                variables.put("COLUMNS", request.columns());
            }
        }
        CommandRunner runner = new CommandRunner(context, out, err, request.debug(), Path.of(request.cwd()), variables);
        return new Execution() {
            @Override
            public int run() {
                if (!command.isEmpty()) {
                    return runner.runStarted(LaunchOptions.commandLine(command), in);
                }
                return prompted ? runner.runPrompted(in, PROMPT) : runner.runScript(in);
            }

            @Override
            public void cancel() {
                runner.interrupt();
            }
        };
    }
}
