package io.probehost.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

import io.probehost.client.StationEndpoint;

/**
 * {@code ./probehost serve}: the runtime stays up in the foreground and serves the commands of
 * clients that attach through the state folder's endpoint, until SIGTERM, SIGINT or SIGHUP (or a
 * command that stops the framework). Exit status: 0 after a clean stop, 1 when another station
 * serves the state folder or the endpoint cannot be made, 3 when the runtime does not start (from
 * {@link Main}).
 */
final class Station {
    private static final String[] STOP_SIGNALS = {"TERM", "INT", "HUP"};
    /** A command every runtime has: once it is there, the command bundles have registered theirs. */
    private static final String READY_COMMAND = "probe:list";

    private Station() {
    }

    static int serve(LaunchOptions options, PrintStream err) {
        RuntimeLayout layout = RuntimeLayout.fromSystemProperties(options.sim());
        StationEndpoint endpoint = StationEndpoint.in(layout.state());
        StationLock lock;
        try {
            lock = StationLock.take(endpoint);
        } catch (StationLock.StationBusyException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
        Logger log = StationLog.open(endpoint, err);
        CountDownLatch stop = new CountDownLatch(1);
        stopOnSignals(stop, log);
        try (lock) {
            log.info("starting on " + layout.state() + (options.sim() ? " with the virtual lab" : " with this machine's USB")
                    + " (pid " + ProcessHandle.current().pid() + ")");
            options.httpPort().ifPresent(port -> log.info("--http " + port
                    + " is reserved for a status page that is not built yet: nothing listens on it"));
            StartupTimer timer = new StartupTimer(err, Boolean.getBoolean("probehost.timing"));
            try (FrameworkHost host = FrameworkHost.start(layout, options, timer);
                    StationServer server = open(endpoint, host, options.sim(), log)) {
                Thread watcher = new Thread(() -> {
                    host.awaitStop();
                    stop.countDown();
                }, "probehost-station-framework");
                watcher.setDaemon(true);
                watcher.start();
                log.info("ready: clients attach through " + endpoint.socket());
                stop.await();
                log.info("stopping");
            } catch (IOException e) {
                err.println("Error: cannot listen on " + endpoint.socket() + ": " + e.getMessage());
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.info("stopped");
            return 0;
        } finally {
            StationLog.close(log);
        }
    }

    /** Listens once the commands have registered, so that clients find an unknown command unknown at once. */
    private static StationServer open(StationEndpoint endpoint, FrameworkHost host, boolean sim, Logger log)
            throws IOException {
        new CommandRunner(host.context(), System.err, System.err).awaitCommand(READY_COMMAND);
        return StationServer.open(endpoint, new GogoStationCommands(host.context(), sim), log);
    }

    @SuppressWarnings("restriction")
    private static void stopOnSignals(CountDownLatch stop, Logger log) {
        for (String name : STOP_SIGNALS) {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                log.info("SIG" + signal.getName() + " received");
                stop.countDown();
            });
        }
    }
}
