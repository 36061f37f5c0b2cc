package io.probehost.flash.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.probehost.api.ProbeException;
import io.probehost.api.host.DebugSession;
import io.probehost.api.host.ProbeRegistry;
import io.probehost.api.host.SessionManager;
import io.probehost.api.host.SessionRequest;
import io.probehost.api.probe.ProbeDescription;

/**
 * The session a flash command works on: the open one when the command selects nothing else, or one
 * opened on the probe {@code -u} names (any part of the unique ID, {@code driver:ID} to limit the
 * driver), or on the only probe connected. The shell bundle's richer selection (prompt, waiting) is
 * private to it, so this is the plain rule.
 */
final class SessionOpener {
    private final SessionManager sessions;
    private final ProbeRegistry probes;

    SessionOpener(SessionManager sessions, ProbeRegistry probes) {
        this.sessions = sessions;
        this.probes = probes;
    }

    DebugSession open(String uid, Map<String, String> options, Optional<String> target) {
        if (uid.isEmpty() && options.isEmpty()) {
            Optional<DebugSession> current = sessions.current();
            if (current.isPresent() && (target.isEmpty() || current.get().targetDescription()
                    .filter(t -> t.name().equalsIgnoreCase(target.get())).isPresent())) {
                return current.get();
            }
        }
        ProbeDescription probe = select(uid);
        return sessions.connect(new SessionRequest(probe, options, target, Optional.empty(), 0));
    }

    ProbeDescription select(String uid) {
        List<ProbeDescription> found = probes.probes().probes();
        String driver = "";
        String part = uid.toLowerCase(Locale.ROOT);
        int colon = part.indexOf(':');
        if (colon > 0) {
            driver = part.substring(0, colon);
            part = part.substring(colon + 1);
        }
        List<ProbeDescription> matching = new ArrayList<>();
        for (ProbeDescription probe : found) {
            if ((driver.isEmpty() || probe.driver().equalsIgnoreCase(driver))
                    && probe.uniqueId().toLowerCase(Locale.ROOT).contains(part)) {
                matching.add(probe);
            }
        }
        if (matching.size() == 1) {
            return matching.get(0);
        }
        if (found.isEmpty()) {
            throw new ProbeException("no debug probe is connected (probe:list shows them)");
        }
        String list = String.join(", ", found.stream().map(p -> p.uniqueId() + " (" + p.displayName() + ")").toList());
        if (matching.isEmpty()) {
            throw new ProbeException("no probe's unique ID matches '" + uid + "'; connected: " + list);
        }
        throw new ProbeException(matching.size() + " probes match" + (uid.isEmpty() ? "" : " '" + uid + "'")
                + "; choose one with -u: " + list);
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
