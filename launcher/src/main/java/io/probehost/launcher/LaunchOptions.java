package io.probehost.launcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * What the command line asked for: the lab or not, and a command to run once or none (a shell), or
 * {@code serve}: a station that stays up for clients to attach to.
 *
 * @param httpPort with {@code serve --http PORT}, the port reserved for a status page (nothing listens yet)
 */
record LaunchOptions(boolean sim, boolean help, List<String> command, boolean serve, OptionalInt httpPort) {
    static final String SERVE = "serve";

    LaunchOptions(boolean sim, boolean help, List<String> command) {
        this(sim, help, command, false, OptionalInt.empty());
    }

    static LaunchOptions parse(String[] args) {
        boolean sim = false;
        boolean help = false;
        List<String> command = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!command.isEmpty()) {
                command.add(arg);
            } else if (arg.equals("--sim")) {
                sim = true;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                help = true;
            } else if (arg.startsWith("-")) {
                throw new IllegalArgumentException("unknown option '" + arg + "' (try --help)");
            } else if (arg.equals(SERVE)) {
                return parseServe(sim, help, Arrays.copyOfRange(args, i + 1, args.length));
            } else {
                command.add(arg);
            }
        }
        return new LaunchOptions(sim, help, List.copyOf(command));
    }

    private static LaunchOptions parseServe(boolean sim, boolean help, String[] args) {
        OptionalInt httpPort = OptionalInt.empty();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sim" -> sim = true;
                case "-h", "--help" -> help = true;
                case "--http" -> {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--http needs a port number");
                    }
                    httpPort = OptionalInt.of(port(args[++i]));
                }
                default -> throw new IllegalArgumentException("serve takes no '" + args[i] + "' (try --help)");
            }
        }
        return new LaunchOptions(sim, help, List.of(), true, httpPort);
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wrong
        }
        throw new IllegalArgumentException("--http wants a port from 1 to 65535, not '" + text + "'");
    }

    boolean oneShot() {
        return !command.isEmpty();
    }

    /** The command as one Gogo line; arguments with characters Gogo treats specially are quoted. */
    String commandLine() {
        return commandLine(command);
    }

    static String commandLine(List<String> words) {
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(quote(word));
        }
        return line.toString();
    }

    static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_:./=,+@%\\-]+")) {
            return word;
        }
        return "'" + word.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static String usage() {
        return String.join("\n",
                "usage: probehost [--sim] [scope:command [arguments...]]",
                "       probehost serve [--sim] [--http PORT]",
                "",
                "  probehost                    open the interactive shell",
                "  probehost probe:list         run one command and exit (status 0 on success)",
                "  probehost --sim ...          the same, with the virtual lab's probes and targets",
                "  probehost serve              run a station: the runtime stays up, and every probehost",
                "                               command of this user on this state folder attaches to it",
                "                               (log in <state>/station/; SIGTERM or Ctrl-C stops it, status 0;",
                "                               1 when a station already runs there, 3 when the runtime fails)",
                "  probehost serve --sim        a station with the virtual lab, which runs as long as the station",
                "  serve --http PORT            reserves PORT for a status page still to be built: nothing listens yet",
                "",
                "In the shell, 'help' lists every command and 'help probe:list' explains one.");
    }
}
