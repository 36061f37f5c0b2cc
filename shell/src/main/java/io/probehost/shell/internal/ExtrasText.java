package io.probehost.shell.internal;

import java.net.URI;
import java.util.List;

import io.probehost.api.text.TextTable;
import io.probehost.extras.Extra;
import io.probehost.extras.InstallPlan;
import io.probehost.extras.RemovalPlan;

/** How the extras commands print what the extras manager returns. */
final class ExtrasText {
    private ExtrasText() {
    }

    static String available(List<Extra> extras, List<URI> repositories) {
        if (repositories.isEmpty()) {
            return "No driver repositories are configured (driver:repo-add URL adds one)";
        }
        TextTable table = new TextTable("Extra", "Version", "Installed", "Bundle", "Repository");
        for (Extra extra : extras) {
            table.row(extra.name(), extra.version(), extra.installed() ? "yes" : "no", extra.bundle(), extra.repository());
        }
        return table.isEmpty() ? "The repositories offer no extras (" + repositories.size() + " searched)"
                : table.toString();
    }

    /** The plan before (a dry run) or after the install: what is added, what is reused. */
    static String plan(InstallPlan plan, boolean done) {
        StringBuilder text = new StringBuilder(done ? "Installed " : "Plan for ").append(plan.extra()).append(": ")
                .append(plan.added().size()).append(done ? " bundles installed, " : " to install, ")
                .append(plan.reused().size()).append(" installed bundles reused");
        plan.added().forEach(b -> text.append("\n  install  ").append(b));
        plan.reused().forEach(b -> text.append("\n  reuse    ").append(b));
        return text.toString();
    }

    static String removal(RemovalPlan plan) {
        StringBuilder text = new StringBuilder("Uninstalled ").append(plan.extra()).append(": ")
                .append(plan.removed().size()).append(" bundles removed, ").append(plan.kept().size())
                .append(" kept because other bundles use them");
        plan.removed().forEach(b -> text.append("\n  removed  ").append(b));
        plan.kept().forEach(b -> text.append("\n  kept     ").append(b));
        return text.toString();
    }
}
