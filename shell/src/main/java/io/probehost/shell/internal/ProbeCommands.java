package io.probehost.shell.internal;

import java.util.List;
import java.util.function.Predicate;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.host.ProbeListing;
import io.probehost.api.host.ProbeRegistry;
import io.probehost.api.host.TargetRegistry;
import io.probehost.api.probe.ProbeDescription;
import io.probehost.api.text.TextTable;
import io.probehost.command.CommandSyntax;

/** {@code probe:*} commands. */
@Component(service = ProbeCommands.class, property = {"osgi.command.scope=probe", "osgi.command.function=list"})
public final class ProbeCommands {
    static final String NO_PROBES = "No available debug probes are connected";
    private static final String KNOWN = "\u2714\uFE0E";
    private static final String UNKNOWN = "\u2716\uFE0E";

    private final ProbeRegistry probes;
    private final TargetRegistry targets;

    @Activate
    public ProbeCommands(@Reference ProbeRegistry probes, @Reference TargetRegistry targets) {
        this.probes = probes;
        this.targets = targets;
    }

    static final String LIST = "probe:list";

    @Descriptor("list the connected debug probes, with the target each reports")
    public Object list(@Descriptor(LIST) String... args) {
        return CommandSyntax.of(LIST).run(args, line -> format(probes.probes()));
    }

    String format(ProbeListing listing) {
        if (listing.probes().isEmpty() && listing.errors().isEmpty()) {
            return NO_PROBES;
        }
        TextTable table = table(listing.probes(), name -> targets.find(name).isPresent());
        for (ProbeListing.DriverError error : listing.errors()) {
            table.row("!", "driver " + error.driver(), "error: " + error.message(), "");
        }
        String text = table.toString();
        return listing.probes().isEmpty() ? NO_PROBES + "\n" + text : text;
    }

    /** The pyOCD-style probe table; {@code targetKnown} tells whether a pack knows a target type. */
    static TextTable table(List<ProbeDescription> probes, Predicate<String> targetKnown) {
        TextTable table = new TextTable("#", "Probe/Board", "Unique ID", "Target").numeric(0);
        int index = 0;
        for (ProbeDescription probe : probes) {
            String board = (probe.boardVendor() + " " + probe.boardName()).trim();
            table.rowWithSubLine(board, index++, probe.displayName(), probe.uniqueId(), targetCell(probe, targetKnown));
        }
        return table;
    }

    private static String targetCell(ProbeDescription probe, Predicate<String> targetKnown) {
        if (probe.targetType().isEmpty()) {
            return "n/a";
        }
        return (targetKnown.test(probe.targetType()) ? KNOWN : UNKNOWN) + " " + probe.targetType();
    }
}
