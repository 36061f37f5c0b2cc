package io.probehost.launcher;

import java.util.ArrayList;
import java.util.List;

/** What the command line asked for: the lab or not, and a command to run once or none (a shell). */
record LaunchOptions(boolean sim, boolean help, List<String> command) {

    static LaunchOptions parse(String[] args) {
        boolean sim = false;
        boolean help = false;
        List<String> command = new ArrayList<>();
        for (String arg : args) {
            if (!command.isEmpty()) {
                command.add(arg);
            } else if (arg.equals("--sim")) {
                sim = true;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                help = true;
            } else if (arg.startsWith("-")) {
                throw new IllegalArgumentException("unknown option '" + arg + "' (try --help)");
            } else {
                command.add(arg);
            }
        }
        return new LaunchOptions(sim, help, List.copyOf(command));
    }

    boolean oneShot() {
        return !command.isEmpty();
    }

    /** The command as one Gogo line; arguments with characters Gogo treats specially are quoted. */
    String commandLine() {
        StringBuilder line = new StringBuilder();
        for (String word : command) {
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
                "",
                "  probehost                    open the interactive shell",
                "  probehost probe:list         run one command and exit (status 0 on success)",
                "  probehost --sim ...          the same, with the virtual lab's probes and targets",
                "",
                "In the shell, 'help' lists every command and 'help probe:list' explains one.");
    }
}
