package io.probehost.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.probehost.api.ProbeException;

/**
 * The flags every device command shares ({@code -u}, {@code -W}, {@code -O}) and its positional
 * arguments. Gogo hands a command the first {@code -O}; later ones arrive among the positional
 * arguments and are pulled out here, so {@code -O} can be repeated.
 */
record Invocation(Optional<String> uid, boolean noWait, Map<String, String> options, List<String> arguments) {

    static final String OPTION_FLAG = "-O";
    static final String OPTION_LONG_FLAG = "--option";

    Invocation {
        options = Map.copyOf(options);
        arguments = List.copyOf(arguments);
    }

    static Invocation of(String uid, boolean noWait, String firstOption, String... rest) {
        Map<String, String> options = new LinkedHashMap<>();
        addOption(options, firstOption);
        List<String> arguments = new ArrayList<>();
        String[] others = rest == null ? new String[0] : rest;
        for (int i = 0; i < others.length; i++) {
            String argument = others[i];
            if (argument.equals(OPTION_FLAG) || argument.equals(OPTION_LONG_FLAG)) {
                if (i + 1 >= others.length) {
                    throw new ProbeException(argument + " needs name=value");
                }
                addOption(options, others[++i]);
            } else {
                arguments.add(argument);
            }
        }
        Optional<String> probe = uid == null || uid.isBlank() ? Optional.empty() : Optional.of(uid.trim());
        return new Invocation(probe, noWait, options, arguments);
    }

    private static void addOption(Map<String, String> options, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw new ProbeException("-O takes name=value, not '" + text + "'");
        }
        options.put(text.substring(0, equals).trim(), text.substring(equals + 1).trim());
    }

    /** Whether the command asks for nothing beyond the open session. */
    boolean selectsNothing() {
        return uid.isEmpty() && options.isEmpty();
    }

    /** The positional argument at {@code index}, which the command needs. */
    String argument(int index, String usage) {
        if (index >= arguments.size()) {
            throw new ProbeException("missing argument; usage: " + usage);
        }
        return arguments.get(index);
    }

    Optional<String> optionalArgument(int index) {
        return index < arguments.size() ? Optional.of(arguments.get(index)) : Optional.empty();
    }

    /** Refuses arguments beyond {@code count}. */
    Invocation atMost(int count, String usage) {
        if (arguments.size() > count) {
            throw new ProbeException("unexpected argument '" + arguments.get(count) + "'; usage: " + usage);
        }
        return this;
    }
}
