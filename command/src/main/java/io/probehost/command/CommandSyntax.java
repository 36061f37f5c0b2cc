package io.probehost.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.felix.service.command.Job;

import io.probehost.api.text.Numbers;

/**
 * A command's usage line, which is also its argument parser: {@code [-x]} is a flag,
 * {@code [-x|--long VALUE]} an option with a value, {@code NAME} a required argument,
 * {@code [NAME]} an optional one and {@code NAME...} the rest. Commands take their raw arguments
 * ({@code String... args}) and parse them here, so a bad argument, of any command, answers with one
 * line that ends with the usage, never with Gogo's coercion message. The probe flags
 * ({@link #PROBE}) also answer to {@code --uid}/{@code --probe}, {@code --no-wait} and
 * {@code --option}; {@code -t} to {@code --target}; {@code --help} prints the usage.
 */
public final class CommandSyntax {
    /**
     * The probe selection and session options every device command takes; {@code --wait} waits for a
     * probe another command is using instead of failing with "probe busy".
     */
    public static final String PROBE = "[-u UID] [-W] [--wait] [-O name=value]";
    static final String HELP = "--help";
    private static final Map<String, List<String>> ALIASES = Map.of(
            "-u", List.of("--uid", "--probe"), "-W", List.of("--no-wait"), "-O", List.of("--option"),
            "-t", List.of("--target"));

    /** A flag ({@code value} empty) or an option taking a value, under all its names. */
    record Flag(List<String> names, Optional<String> value) {
        String key() {
            return names.get(0);
        }
    }

    /**
     * The command running on this thread, inherited by the threads it starts (a server it runs), so
     * that a command run on such a thread shares what the running one holds.
     */
    private static final InheritableThreadLocal<CommandLine> RUNNING = new InheritableThreadLocal<>();

    private final String usage;
    private final Map<String, Flag> flags = new LinkedHashMap<>();
    private final List<String> argumentNames = new ArrayList<>();
    private int required;
    private int maximum;

    private CommandSyntax(String usage) {
        this.usage = usage.trim();
    }

    /** The syntax a usage line such as {@code "mem:read32 [-u UID] [-W] [-O name=value] ADDR [COUNT]"} describes. */
    public static CommandSyntax of(String usage) {
        CommandSyntax syntax = new CommandSyntax(usage);
        List<String> elements = elements(usage);
        for (String element : elements.subList(1, elements.size())) {
            syntax.add(element);
        }
        return syntax;
    }

    /** Overrides the number of positional arguments, for usages with alternatives ({@code --chip | ADDR [LEN]}). */
    public CommandSyntax arguments(int min, int max) {
        required = min;
        maximum = max;
        return this;
    }

    public String usage() {
        return usage;
    }

    /** The command's name, such as {@code mem:read32}. */
    public String name() {
        return elements(usage).get(0);
    }

    /**
     * Parses {@code args} and runs {@code body} on them; {@code --help} returns the usage. Every
     * failure, a bad argument or what the body throws, leaves as one {@link CommandFailure}.
     */
    public Object run(String[] args, Function<CommandLine, ?> body) {
        CommandLine line = null;
        CommandLine outer = RUNNING.get();
        try {
            line = parse(args);
            if (line.helpRequested()) {
                return "usage: " + usage;
            }
            line.runsWithin(outer);
            RUNNING.set(line);
            return body.apply(line);
        } catch (RuntimeException | Error e) {
            CommandFailure failure = CommandFailure.of(e);
            traceOnTerminal(failure);
            throw failure;
        } finally {
            RUNNING.set(outer);
            if (line != null) {
                line.done();
            }
        }
    }

    /**
     * With {@code PROBEHOST_DEBUG=1}, the line editor also shows the stack trace (one-shot and piped
     * runs print it in the launcher, which sees the failure).
     */
    private static void traceOnTerminal(CommandFailure failure) {
        Job job = Job.Utils.current();
        if (Boolean.getBoolean("probehost.debug") && job != null
                && job.session().get(CommandConsole.TERMINAL_VARIABLE) != null) {
            (failure.getCause() == null ? failure : failure.getCause()).printStackTrace(CommandConsole.out(job.session()));
        }
    }

    /** The parsed arguments; a bad one throws a {@link CommandFailure} that ends with the usage. */
    public CommandLine parse(String... args) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, String> sessionOptions = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        boolean help = false;
        boolean onlyArguments = false;
        String[] tokens = args == null ? new String[0] : args;
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (onlyArguments || !looksLikeFlag(token)) {
                positional.add(token);
                continue;
            }
            if (token.equals("--")) {
                onlyArguments = true;
                continue;
            }
            if (token.equals(HELP) || token.equals("-?")) {
                help = true;
                continue;
            }
            String name = token;
            Optional<String> inline = Optional.empty();
            int equals = token.indexOf('=');
            if (token.startsWith("--") && equals > 0) {
                name = token.substring(0, equals);
                inline = Optional.of(token.substring(equals + 1));
            }
            Flag flag = flags.get(name);
            if (flag == null) {
                throw usageError("unknown option '" + name + "'");
            }
            if (flag.value().isEmpty()) {
                if (inline.isPresent()) {
                    throw usageError("option " + name + " takes no value");
                }
                values.computeIfAbsent(flag.key(), k -> new ArrayList<>()).add("true");
                continue;
            }
            String value;
            if (inline.isPresent()) {
                value = inline.get();
            } else if (i + 1 < tokens.length) {
                value = tokens[++i];
            } else {
                throw usageError("option " + name + " needs a value (" + flag.value().get() + ")");
            }
            if (flag.key().equals("-O")) {
                addSessionOption(sessionOptions, value);
            } else {
                values.computeIfAbsent(flag.key(), k -> new ArrayList<>()).add(value);
            }
        }
        if (!help) {
            if (positional.size() < required) {
                String missing = positional.size() < argumentNames.size() ? argumentNames.get(positional.size())
                        : "argument";
                throw usageError("missing " + missing);
            }
            if (positional.size() > maximum) {
                throw usageError("unexpected argument '" + positional.get(maximum) + "'");
            }
        }
        return new CommandLine(this, values, sessionOptions, positional, help);
    }

    /** A failure for a bad command line: the problem, then the usage. */
    public CommandFailure usageError(String problem) {
        return new CommandFailure(problem + "; usage: " + usage);
    }

    /** The name a flag is known under in {@link CommandLine}: its first name in the usage. */
    String key(String name) {
        Flag flag = flags.get(name);
        return flag == null ? name : flag.key();
    }

    private void addSessionOption(Map<String, String> options, String text) {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw usageError("-O takes name=value, not '" + text + "'");
        }
        options.put(text.substring(0, equals).trim(), text.substring(equals + 1).trim());
    }

    /** A flag starts with a dash; a negative number ({@code -1}) and a lone dash are arguments. */
    private static boolean looksLikeFlag(String token) {
        return token.length() > 1 && token.startsWith("-") && Numbers.tryParse(token).isEmpty();
    }

    private void add(String element) {
        boolean optional = element.startsWith("[") && element.endsWith("]");
        String body = optional ? element.substring(1, element.length() - 1).trim() : element;
        if (body.equals("|") || body.isEmpty()) {
            return;
        }
        if (body.startsWith("-")) {
            int space = body.indexOf(' ');
            String names = space < 0 ? body : body.substring(0, space);
            Optional<String> value = space < 0 ? Optional.empty() : Optional.of(body.substring(space + 1).trim());
            List<String> all = new ArrayList<>(List.of(names.split("\\|")));
            all.addAll(ALIASES.getOrDefault(all.get(0), List.of()).stream().filter(a -> !all.contains(a)).toList());
            Flag flag = new Flag(List.copyOf(all), value);
            for (String name : all) {
                flags.put(name, flag);
            }
            return;
        }
        for (String word : body.split(" ")) {
            if (word.isEmpty() || word.startsWith("[") || word.equals("|")) {
                continue;
            }
            boolean rest = word.endsWith("...");
            argumentNames.add(rest ? word.substring(0, word.length() - 3) : word);
            maximum = rest || maximum == Integer.MAX_VALUE ? Integer.MAX_VALUE : maximum + 1;
            if (!optional) {
                required++;
            }
        }
    }

    /** The usage's words, a bracketed group counting as one. */
    private static List<String> elements(String usage) {
        List<String> elements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (char c : usage.trim().toCharArray()) {
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
            if (c == ' ' && depth == 0) {
                if (current.length() > 0) {
                    elements.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            elements.add(current.toString());
        }
        return elements;
    }
}
