package io.probehost.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A command line parsed by its {@link CommandSyntax}: the flags and options given, the session
 * options of {@code -O name=value}, and the positional arguments, whose number the syntax checked.
 */
public final class CommandLine {
    private final CommandSyntax syntax;
    private final Map<String, List<String>> values;
    private final Map<String, String> sessionOptions;
    private final List<String> arguments;
    private final boolean help;
    /** What the command holds until it ends (probe claims), by key; closed by {@link #done()}. */
    private final Map<String, AutoCloseable> held = new LinkedHashMap<>();
    /** The command running when this one started on a thread it made (a server's monitor command), or null. */
    private CommandLine parent;
    private volatile boolean finished;

    CommandLine(CommandSyntax syntax, Map<String, List<String>> values, Map<String, String> sessionOptions,
            List<String> arguments, boolean help) {
        this.syntax = syntax;
        this.values = Map.copyOf(values);
        this.sessionOptions = Collections.unmodifiableMap(new LinkedHashMap<>(sessionOptions));
        this.arguments = List.copyOf(arguments);
        this.help = help;
    }

    public List<String> arguments() {
        return arguments;
    }

    /** The positional argument at {@code index}; the syntax made sure the required ones are there. */
    public String argument(int index) {
        if (index >= arguments.size()) {
            throw syntax.usageError("missing argument");
        }
        return arguments.get(index);
    }

    public Optional<String> optionalArgument(int index) {
        return index < arguments.size() ? Optional.of(arguments.get(index)) : Optional.empty();
    }

    /** Whether the flag was given, under any of its names. */
    public boolean flag(String name) {
        return values.containsKey(syntax.key(name));
    }

    /** The option's value (the last one when given more than once). */
    public Optional<String> option(String name) {
        List<String> given = values.get(syntax.key(name));
        return given == null ? Optional.empty() : Optional.of(given.get(given.size() - 1));
    }

    /** {@code -u}: the probe's unique ID, whole or part. */
    public Optional<String> uid() {
        return option("-u").map(String::trim).filter(u -> !u.isEmpty());
    }

    /** {@code -W}: fail at once instead of waiting for a probe. */
    public boolean noWait() {
        return flag("-W");
    }

    /** {@code -t}: the target type. */
    public Optional<String> target() {
        return option("-t").map(String::trim).filter(t -> !t.isEmpty());
    }

    /** The {@code -O name=value} session options, in order. */
    public Map<String, String> sessionOptions() {
        return sessionOptions;
    }

    /** Whether the line asks for nothing beyond the open session. */
    public boolean selectsNothing() {
        return uid().isEmpty() && sessionOptions.isEmpty() && target().isEmpty();
    }

    /** {@code --wait}: wait for a probe another command is using instead of failing at once. */
    public boolean waitWhileBusy() {
        return flag("--wait");
    }

    /** The command's name, such as {@code flash:program}: who holds the probes it claims. */
    public String commandName() {
        return syntax.name();
    }

    /**
     * Holds what {@code acquire} gives (a probe claim) until the command ends, once per key: a second
     * call with the same key keeps the first. Thread-safe, for commands that work on several probes at once.
     */
    public void holdUntilDone(String key, Supplier<? extends AutoCloseable> acquire) {
        for (CommandLine holder = parent; holder != null; holder = holder.parent) {
            if (holder.holds(key)) {
                return;
            }
        }
        synchronized (held) {
            if (held.containsKey(key)) {
                return;
            }
        }
        AutoCloseable acquired = acquire.get();
        synchronized (held) {
            if (held.putIfAbsent(key, acquired) == null) {
                return;
            }
        }
        close(acquired);
    }

    /**
     * Runs the command on behalf of {@code running}, the command still running on the thread that
     * made this one's (a GDB server's monitor command runs on the server's thread): what that command
     * holds, this one holds too.
     */
    void runsWithin(CommandLine running) {
        this.parent = running;
    }

    private boolean holds(String key) {
        synchronized (held) {
            return !finished && held.containsKey(key);
        }
    }

    /** Ends the command: closes what it held, last first. */
    void done() {
        List<AutoCloseable> release;
        synchronized (held) {
            finished = true;
            release = new ArrayList<>(held.values());
            held.clear();
        }
        Collections.reverse(release);
        release.forEach(CommandLine::close);
    }

    private static void close(AutoCloseable held) {
        try {
            held.close();
        } catch (Exception e) {
            // giving back a claim does not fail; nothing the command could do about it
        }
    }

    /** A failure for an argument the body finds wrong: the problem, then the usage. */
    public CommandFailure usageError(String problem) {
        return syntax.usageError(problem);
    }

    boolean helpRequested() {
        return help;
    }
}
