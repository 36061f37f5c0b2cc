package io.probehost.shell.internal;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.host.ProbeListing;
import io.probehost.api.host.ProbeRegistry;
import io.probehost.api.host.TargetRegistry;
import io.probehost.api.probe.ProbeDescription;

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

    @Descriptor("list the connected debug probes, with the target each reports")
    public String list() {
        return format(probes.probes());
    }

    String format(ProbeListing listing) {
        if (listing.probes().isEmpty() && listing.errors().isEmpty()) {
            return NO_PROBES;
        }
        Table table = new Table("#", "Probe/Board", "Unique ID", "Target").numeric(0);
        int index = 0;
        for (ProbeDescription probe : listing.probes()) {
            String board = (probe.boardVendor() + " " + probe.boardName()).trim();
            table.rowWithSubLine(board, index++, probe.displayName(), probe.uniqueId(), targetCell(probe));
        }
        for (ProbeListing.DriverError error : listing.errors()) {
            table.row("!", "driver " + error.driver(), "error: " + error.message(), "");
        }
        String text = table.toString();
        return listing.probes().isEmpty() ? NO_PROBES + "\n" + text : text;
    }

    private String targetCell(ProbeDescription probe) {
        if (probe.targetType().isEmpty()) {
            return "n/a";
        }
        return (targets.find(probe.targetType()).isPresent() ? KNOWN : UNKNOWN) + " " + probe.targetType();
    }
}
