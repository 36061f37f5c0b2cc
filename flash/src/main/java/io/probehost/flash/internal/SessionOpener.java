package io.probehost.flash.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.probehost.api.ProbeException;
import io.probehost.api.host.DebugSession;
import io.probehost.api.host.ProbeSelector;
import io.probehost.api.host.SessionManager;
import io.probehost.api.host.SessionRequest;
import io.probehost.api.probe.ProbeDescription;

/**
 * The session a flash command works on, as for the shell's commands: the open one when the command
 * selects nothing else; without {@code -u}, a new one on the open session's probe; otherwise one on
 * the probe the shared {@link ProbeSelector} chooses (partial IDs, {@code driver:} prefix, prompt on
 * a terminal, waiting unless {@code -W}).
 */
final class SessionOpener {
    private final SessionManager sessions;
    private final ProbeSelector selector;

    SessionOpener(SessionManager sessions, ProbeSelector selector) {
        this.sessions = sessions;
        this.selector = selector;
    }

    /**
     * @param uid    the {@code -u} text; empty for the open session's probe, or any probe
     * @param noWait {@code -W}: fail at once when no probe matches
     */
    DebugSession open(String uid, boolean noWait, Map<String, String> options, Optional<String> target) {
        Optional<DebugSession> current = sessions.current();
        if (uid.isEmpty() && options.isEmpty() && current.isPresent() && (target.isEmpty() || current.get()
                .targetDescription().filter(t -> t.name().equalsIgnoreCase(target.get())).isPresent())) {
            return current.get();
        }
        ProbeDescription probe = uid.isEmpty() && current.isPresent() ? current.get().probeDescription()
                : selector.select(uid, noWait);
        return sessions.connect(new SessionRequest(probe, options, target, Optional.empty(), 0));
    }

    /** The session that a command's selection names. */
    DebugSession open(Selection selection) {
        return open(selection.uid(), selection.noWait(), selection.options(), selection.target());
    }

    /**
     * What a command line selects: probe ({@code -u}, {@code -W}), session options ({@code -O}) and
     * target ({@code -t}), and the positional arguments left once the options are pulled out.
     */
    record Selection(String uid, boolean noWait, Map<String, String> options, Optional<String> target,
            List<String> positional) {

        static Selection of(String target, String uid, boolean noWait, String option, String[] args) {
            List<String> positional = new ArrayList<>();
            Map<String, String> options = SessionOpener.options(option,
                    args == null ? List.of() : Arrays.asList(args), positional);
            return new Selection(uid, noWait, options, target.isEmpty() ? Optional.empty() : Optional.of(target),
                    positional);
        }
    }

    /** Splits {@code -O} values: Gogo hands the first one as the flag's value and later ones among the arguments. */
    static Map<String, String> options(String first, List<String> arguments, List<String> positional) {
        Map<String, String> options = new LinkedHashMap<>();
        add(options, first);
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("-O") || argument.equals("--option")) {
                if (i + 1 >= arguments.size()) {
                    throw new ProbeException(argument + " needs name=value");
                }
                add(options, arguments.get(++i));
            } else {
                positional.add(argument);
            }
        }
        return options;
    }

    private static void add(Map<String, String> options, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw new ProbeException("-O takes name=value, not '" + text + "'");
        }
        options.put(text.substring(0, equals).trim(), text.substring(equals + 1).trim());
    }
}
