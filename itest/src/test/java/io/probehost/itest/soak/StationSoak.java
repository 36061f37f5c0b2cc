package io.probehost.itest.soak;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives a station with {@code commands} random commands from {@code clients} concurrent clients (see
 * {@link CommandMix}), in rounds of {@code sampleEvery}: after each round the clients stop, the lab's
 * faults are cleared and its probes plugged back, and the station's threads, heap and open files are
 * sampled. Every command must end within its bound with a result or one error line; a command that
 * runs {@link #HANG_GRACE_MILLIS} past its bound is cut off (which cancels it on the station) and
 * counted as a hang.
 */
final class StationSoak {
    static final long HANG_GRACE_MILLIS = 60_000;

    private final StationProcess station;
    private final CommandMix mix;
    private final int clients;
    private final Map<String, KindFigures> figures = new TreeMap<>();
    private final Map<Thread, Running> running = new ConcurrentHashMap<>();
    private final List<ResourceSample> samples = new ArrayList<>();

    private record Running(SoakCommand command, long startedNanos) {
    }

    StationSoak(StationProcess station, CommandMix mix, int clients) {
        this.station = station;
        this.mix = mix;
        this.clients = clients;
    }

    /** Runs the soak; the figures, samples and failures are then in {@link #report}. */
    SoakReport run(int commands, int sampleEvery) throws IOException, InterruptedException {
        long began = System.nanoTime();
        runEach(mix.setUp());
        samples.add(station.sample(0));
        Thread watchdog = new Thread(this::cutOffHangs, "soak-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            int done = 0;
            while (done < commands) {
                int round = Math.min(sampleEvery, commands - done);
                runRound(round);
                done += round;
                mix.restoreLab().forEach(command -> runOne(command, true));
                samples.add(station.sample(done));
            }
        } finally {
            watchdog.interrupt();
        }
        return new SoakReport(commands, clients, (System.nanoTime() - began) / 1_000_000, figures, samples);
    }

    private void runRound(int count) throws InterruptedException {
        AtomicInteger left = new AtomicInteger(count);
        List<Runnable> clientLoops = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            clientLoops.add(() -> {
                while (left.getAndDecrement() > 0) {
                    runOne(mix.next(), false);
                }
            });
        }
        runConcurrently("soak-client-", clientLoops);
    }

    /** Runs each list of commands in order on a client of its own, all lists at once. */
    private void runEach(List<List<SoakCommand>> perClient) throws InterruptedException {
        runConcurrently("soak-setup-", perClient.stream().<Runnable>map(commands -> () -> commands.forEach(
                command -> runOne(command, true))).toList());
    }

    private static void runConcurrently(String namePrefix, List<Runnable> clientLoops) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (Runnable loop : clientLoops) {
            Thread client = new Thread(loop, namePrefix + threads.size());
            client.start();
            threads.add(client);
        }
        for (Thread client : threads) {
            client.join();
        }
    }

    /** Runs one command and records it; a set-up or restoring command must also succeed. */
    private void runOne(SoakCommand command, boolean mustSucceed) {
        KindFigures kind;
        synchronized (figures) {
            kind = figures.computeIfAbsent(command.kind(), name -> new KindFigures(command.boundMillis()));
        }
        long started = System.nanoTime();
        running.put(Thread.currentThread(), new Running(command, started));
        StationProcess.Outcome outcome = null;
        String failure;
        try {
            outcome = station.run(command.line());
            failure = OutputCheck.problem(outcome).orElse(mustSucceed && outcome.status() != 0
                    ? "failed in set-up or restore: " + outcome.err().strip() : null);
        } catch (IllegalStateException e) {
            failure = Thread.interrupted() ? "hung: cut off " + HANG_GRACE_MILLIS + " ms past its bound"
                    : "client failed: " + e.getMessage();
        } finally {
            running.remove(Thread.currentThread());
            mix.ended(command);
        }
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        if (failure == null && elapsed > command.boundMillis()) {
            failure = "took " + elapsed + " ms, bound " + command.boundMillis() + " ms";
        }
        kind.record(elapsed, outcome, failure == null ? null : command + ": " + failure);
    }

    /** Interrupts a client whose command ran past its bound and the grace: that closes its connection. */
    private void cutOffHangs() {
        while (!Thread.currentThread().isInterrupted()) {
            long now = System.nanoTime();
            running.forEach((thread, command) -> {
                if ((now - command.startedNanos()) / 1_000_000 > command.command().boundMillis() + HANG_GRACE_MILLIS) {
                    thread.interrupt();
                }
            });
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
