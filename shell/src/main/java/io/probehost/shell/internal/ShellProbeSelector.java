package io.probehost.shell.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.ProbeException;
import io.probehost.api.host.DriverInfo;
import io.probehost.api.host.ProbeListing;
import io.probehost.api.host.ProbeRegistry;
import io.probehost.api.host.ProbeSelector;
import io.probehost.api.host.TargetRegistry;
import io.probehost.api.probe.ProbeDescription;

/**
 * Chooses the probe a command uses, as pyOCD's ConnectHelper does: {@code -u} matches any part of
 * the unique ID, ignoring case (an exact match wins), after an optional {@code driver:} prefix; one
 * candidate is taken implicitly; several matching a {@code -u} are an error; several without
 * {@code -u} are offered in a numbered list on a terminal and refused elsewhere; none makes it wait
 * for one to be plugged in, unless asked not to. The service every command bundle selects probes
 * through; it prompts and prints on the console of the Gogo command that asks.
 */
@Component(service = ProbeSelector.class)
public final class ShellProbeSelector implements ProbeSelector {
    private static final long POLL_MILLIS = 500;
    static final String WAITING = "Waiting for a debug probe to be connected...";
    static final String WAITING_FOR_UID = "Waiting for a debug probe matching unique ID '%s' to be connected...";
    static final String PROMPT = "Enter the number of the debug probe or 'q' to quit> ";

    /** Asks the user a question on the terminal; empty when there is no terminal. */
    interface Terminal {
        /** The line typed (without its end), or null at end of input. */
        String readLine(String prompt);
    }

    /** Waits between polls of the probe list; throws when interrupted. */
    interface Pause {
        void pause() throws InterruptedException;
    }

    private final Supplier<ProbeListing> listing;
    private final Supplier<List<DriverInfo>> drivers;
    private final Predicate<String> targetKnown;
    private final Pause pause;
    private final Supplier<CallerConsole> caller;

    @Activate
    public ShellProbeSelector(@Reference ProbeRegistry probes, @Reference TargetRegistry targets) {
        this(probes::probes, probes::drivers, name -> targets.find(name).isPresent(), () -> Thread.sleep(POLL_MILLIS),
                CallerConsole::current);
    }

    ShellProbeSelector(Supplier<ProbeListing> listing, Supplier<List<DriverInfo>> drivers,
            Predicate<String> targetKnown, Pause pause, Supplier<CallerConsole> caller) {
        this.listing = listing;
        this.drivers = drivers;
        this.targetKnown = targetKnown;
        this.pause = pause;
        this.caller = caller;
    }

    @Override
    public ProbeDescription select(String uid, boolean noWait) {
        Optional<String> pattern = uid == null || uid.isBlank() ? Optional.empty() : Optional.of(uid.trim());
        CallerConsole console = caller.get();
        return select(pattern, noWait, console.terminal(), console.out());
    }

    /**
     * @param uid      the {@code -u} text; empty for any probe
     * @param noWait   {@code -W}: fail at once when no probe matches
     * @param terminal where to ask when several match; empty when not on a terminal
     * @param out      where the waiting message and the list go
     */
    ProbeDescription select(Optional<String> uid, boolean noWait, Optional<Terminal> terminal, PrintStream out) {
        UidPattern pattern = UidPattern.parse(uid.orElse(""), drivers.get());
        boolean announced = false;
        while (true) {
            ProbeListing found = listing.get();
            List<ProbeDescription> matching = pattern.filter(found.probes());
            if (matching.size() == 1) {
                return matching.get(0);
            }
            if (matching.size() > 1) {
                if (!pattern.isEmpty()) {
                    throw new ProbeException("more than one debug probe matches unique ID '" + pattern + "': "
                            + describe(matching));
                }
                return choose(matching, terminal, out);
            }
            if (noWait || pattern.driverFailed(found)) {
                throw new ProbeException(nothingFound(pattern, found));
            }
            if (!announced) {
                out.println(pattern.isEmpty() ? WAITING : String.format(WAITING_FOR_UID, pattern));
                out.flush();
                announced = true;
            }
            try {
                pause.pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProbeException("interrupted while waiting for a debug probe");
            }
        }
    }

    private static String nothingFound(UidPattern pattern, ProbeListing found) {
        String errors = found.errors().isEmpty() ? "" : " (driver errors: " + String.join("; ",
                found.errors().stream().map(e -> e.driver() + ": " + e.message()).toList()) + ")";
        if (pattern.isEmpty()) {
            return "No connected debug probes" + errors;
        }
        String connected = found.probes().isEmpty() ? "" : " (connected: " + describe(found.probes()) + ")";
        return "No connected debug probe matches unique ID '" + pattern + "'" + connected + errors;
    }

    private ProbeDescription choose(List<ProbeDescription> matching, Optional<Terminal> terminal, PrintStream out) {
        if (terminal.isEmpty()) {
            throw new ProbeException(matching.size() + " debug probes are connected; choose one with -u UID: "
                    + describe(matching));
        }
        out.print(ProbeCommands.table(matching, targetKnown));
        out.flush();
        while (true) {
            String answer = terminal.get().readLine(PROMPT);
            if (answer == null || answer.trim().equalsIgnoreCase("q")) {
                throw new ProbeException("no debug probe was chosen");
            }
            try {
                int index = Integer.parseInt(answer.trim());
                if (index >= 0 && index < matching.size()) {
                    return matching.get(index);
                }
            } catch (NumberFormatException notANumber) {
                // asked again below, as pyOCD does
            }
            out.println("Invalid choice: " + answer.trim());
            out.print(ProbeCommands.table(matching, targetKnown));
            out.flush();
        }
    }

    static String describe(List<ProbeDescription> probes) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            ProbeDescription probe = probes.get(i);
            names.add(i + " " + probe.driver() + ":" + probe.uniqueId() + " (" + probe.displayName() + ")");
        }
        return String.join(", ", names);
    }

    /** The {@code -u} text: an optional driver name before a colon, and part of a unique ID. */
    record UidPattern(String driver, String id) {

        /** As pyOCD: text before the first colon names the driver, which must be installed. */
        static UidPattern parse(String text, List<DriverInfo> drivers) {
            String trimmed = text.trim();
            int colon = trimmed.indexOf(':');
            if (colon < 0) {
                return new UidPattern("", trimmed.toLowerCase(Locale.ROOT));
            }
            String prefix = trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
            if (drivers.stream().noneMatch(d -> d.name().equalsIgnoreCase(prefix))) {
                throw new ProbeException("unknown debug probe driver '" + prefix + "' in unique ID '" + trimmed
                        + "' (installed: " + String.join(", ", drivers.stream().map(DriverInfo::name).toList())
                        + ")");
            }
            return new UidPattern(prefix, trimmed.substring(colon + 1).toLowerCase(Locale.ROOT));
        }

        boolean isEmpty() {
            return driver.isEmpty() && id.isEmpty();
        }

        /**
         * The driver this pattern names could not list its probes (a station that refused the token,
         * say): waiting would not bring the probe, so the selection fails at once with its error.
         */
        boolean driverFailed(ProbeListing listing) {
            return !driver.isEmpty() && listing.errors().stream().anyMatch(e -> e.driver().equalsIgnoreCase(driver));
        }

        List<ProbeDescription> filter(List<ProbeDescription> probes) {
            List<ProbeDescription> ofDriver = probes.stream()
                    .filter(p -> driver.isEmpty() || p.driver().equalsIgnoreCase(driver)).toList();
            List<ProbeDescription> exact = ofDriver.stream()
                    .filter(p -> !id.isEmpty() && p.uniqueId().equalsIgnoreCase(id)).toList();
            if (!exact.isEmpty()) {
                return exact;
            }
            return ofDriver.stream().filter(p -> p.uniqueId().toLowerCase(Locale.ROOT).contains(id)).toList();
        }

        @Override
        public String toString() {
            return driver.isEmpty() ? id : driver + ":" + id;
        }
    }
}
