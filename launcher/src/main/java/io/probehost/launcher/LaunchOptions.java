package io.probehost.launcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What the command line asked for: the lab or not, and a command to run once or none (a shell), or
 * {@code serve}: a station that stays up for clients to attach to.
 *
 * @param httpPort with {@code serve --http PORT}, the port of the station's status page
 * @param httpBind the address the status page listens on: loopback unless {@code --http-bind ADDR}
 * @param frameworkProperties framework properties the options set, such as {@code serve --remote PORT}'s
 */
record LaunchOptions(boolean sim, boolean help, List<String> command, boolean serve, OptionalInt httpPort,
        String httpBind, Map<String, String> frameworkProperties) {
    static final String SERVE = "serve";
    static final String LOOPBACK = "127.0.0.1";
    /** Read by the remote bundle: the port its server listens on, and the address it binds. */
    static final String REMOTE_PORT = "probehost.remote.port";
    static final String REMOTE_BIND = "probehost.remote.bind";
    static final String REMOTE_TLS = "probehost.remote.tls";
    static final String REMOTE_STATIONS = "probehost.remote.stations";

    LaunchOptions(boolean sim, boolean help, List<String> command) {
        this(sim, help, command, false, OptionalInt.empty(), LOOPBACK, Map.of());
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
        return new LaunchOptions(sim, help, List.copyOf(command), false, OptionalInt.empty(), LOOPBACK,
                remoteStations(command));
    }

    /**
     * The station a one-shot command names with {@code -u remote:HOST:PORT/UID}, for the remote bundle
     * to connect to (besides those in {@code PROBEHOST_REMOTE}).
     */
    private static Map<String, String> remoteStations(List<String> command) {
        for (int i = 0; i + 1 < command.size(); i++) {
            String value = command.get(i + 1);
            if (List.of("-u", "--uid", "--probe").contains(command.get(i)) && value.startsWith("remote:")
                    && value.indexOf('/') > "remote:".length()) {
                return Map.of(REMOTE_STATIONS, value.substring("remote:".length(), value.indexOf('/')));
            }
        }
        return Map.of();
    }

    private static LaunchOptions parseServe(boolean sim, boolean help, String[] args) {
        OptionalInt httpPort = OptionalInt.empty();
        String httpBind = LOOPBACK;
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sim" -> sim = true;
                case "-h", "--help" -> help = true;
                case "--http" -> {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--http needs a port number");
                    }
                    httpPort = OptionalInt.of(port("--http", args[++i]));
                }
                case "--remote" -> {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--remote needs a port number");
                    }
                    properties.put(REMOTE_PORT, Integer.toString(port("--remote", args[++i])));
                }
                case "--tls" -> properties.put(REMOTE_TLS, "true");
                case "--remote-bind" -> {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--remote-bind needs an address");
                    }
                    properties.put(REMOTE_BIND, args[++i]);
                }
                case "--http-bind" -> {
                    if (i + 1 == args.length || args[i + 1].isBlank()) {
                        throw new IllegalArgumentException("--http-bind needs an address, such as 0.0.0.0");
                    }
                    httpBind = args[++i];
                }
                default -> throw new IllegalArgumentException("serve takes no '" + args[i] + "' (try --help)");
            }
        }
        if (httpPort.isEmpty() && !httpBind.equals(LOOPBACK)) {
            throw new IllegalArgumentException("--http-bind goes with --http PORT");
        }
        for (String option : List.of(REMOTE_BIND, REMOTE_TLS)) {
            if (properties.containsKey(option) && !properties.containsKey(REMOTE_PORT)) {
                throw new IllegalArgumentException((option.equals(REMOTE_TLS) ? "--tls" : "--remote-bind")
                        + " goes with --remote PORT");
            }
        }
        return new LaunchOptions(sim, help, List.of(), true, httpPort, httpBind, Map.copyOf(properties));
    }

    private static int port(String option, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wrong
        }
        throw new IllegalArgumentException(option + " wants a port from 1 to 65535, not '" + text + "'");
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
                "       probehost serve [--sim] [--http PORT [--http-bind ADDR]] [--remote PORT [--remote-bind ADDRESS] [--tls]]",
                "",
                "  probehost                    open the interactive shell",
                "  probehost probe:list         run one command and exit (status 0 on success)",
                "  probehost --sim ...          the same, with the virtual lab's probes and targets",
                "  probehost serve              run a station: the runtime stays up, and every probehost",
                "                               command of this user on this state folder attaches to it",
                "                               (log in <state>/station/; SIGTERM or Ctrl-C stops it, status 0;",
                "                               1 when a station already runs there, 3 when the runtime fails)",
                "  probehost serve --sim        a station with the virtual lab, which runs as long as the station",
                "  serve --http PORT            the station's status page at http://127.0.0.1:PORT/ (probes, sessions,",
                "                               jobs, live), JSON at /api/probes, /api/sessions, /api/jobs",
                "  serve ... --http-bind ADDR   the status page listens on ADDR instead of loopback only",
                "  serve --remote PORT          also serves this station's probes to other machines over TCP, to",
                "                               clients holding <state>/remote/token (see docs/remote-protocol.md)",
                "  serve --remote-bind ADDRESS  the address it listens on (default 127.0.0.1, loopback only)",
                "  serve --remote PORT --tls    over TLS, with a self-signed certificate made on first use",
                "                               (<state>/remote/station.crt: clients pin a copy of it)",
                "",
                "In the shell, 'help' lists every command and 'help probe:list' explains one.");
    }
}
