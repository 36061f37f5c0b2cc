package io.probehost.flash.internal;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.ProbeException;
import io.probehost.api.host.TargetRegistry;
import io.probehost.api.host.TargetRegistry.PackInfo;
import io.probehost.api.target.TargetDescription;
import io.probehost.api.text.TextTable;
import io.probehost.command.CommandConsole;
import io.probehost.command.CommandSyntax;

/**
 * {@code pack:*} commands: install a CMSIS-Pack as a generated target-pack bundle (kept in the
 * framework cache, so it survives restarts), list the installed packs, remove one.
 */
@Component(service = PackCommands.class, property = {"osgi.command.scope=pack", "osgi.command.function=install",
        "osgi.command.function=list", "osgi.command.function=remove"})
public final class PackCommands {
    static final String LOCATION_PREFIX = "probehost-pack:";

    private final BundleContext context;
    private final TargetRegistry targets;

    @Activate
    public PackCommands(BundleContext context, @Reference TargetRegistry targets) {
        this.context = context;
        this.targets = targets;
    }

    static final String INSTALL = "pack:install FILE";
    static final String LIST = "pack:list";
    static final String REMOVE = "pack:remove NAME";

    @Descriptor("install a CMSIS-Pack (.pack: .pdsc and .FLM files) as a target pack; its devices are targets at once")
    public Object install(CommandSession shell, @Descriptor(INSTALL) String... args) {
        return CommandSyntax.of(INSTALL).run(args, line -> install(CommandConsole.file(shell, line.argument(0))));
    }

    private String install(Path path) {
        byte[] content = CommandConsole.read(path);
        GeneratedPack pack = CmsisPackImporter.convert(path.getFileName().toString(), content);
        Bundle bundle = install(pack);
        List<String> names = pack.targets().stream().map(TargetDescription::name).toList();
        StringBuilder out = new StringBuilder(String.format("Installed pack %s %s as bundle %d: %d target%s (%s)",
                pack.packName(), pack.version(), bundle.getBundleId(), names.size(), names.size() == 1 ? "" : "s",
                String.join(", ", names)));
        for (String skipped : pack.skipped()) {
            out.append("\n  left out: ").append(skipped);
        }
        return out.toString();
    }

    private Bundle install(GeneratedPack pack) {
        String location = LOCATION_PREFIX + pack.symbolicName();
        try {
            Bundle existing = context.getBundle(location);
            Bundle bundle;
            if (existing != null) {
                existing.update(new ByteArrayInputStream(pack.jar()));
                bundle = existing;
            } else {
                bundle = context.installBundle(location, new ByteArrayInputStream(pack.jar()));
            }
            bundle.start();
            return bundle;
        } catch (BundleException e) {
            throw new ProbeException("cannot install pack " + pack.packName() + ": " + e.getMessage(), e);
        }
    }

    @Descriptor("list the installed target packs: name, version, bundle id, targets")
    public Object list(@Descriptor(LIST) String... args) {
        return CommandSyntax.of(LIST).run(args, line -> packTable());
    }

    private String packTable() {
        TextTable table = new TextTable("Pack", "Version", "Bundle", "Targets").numeric(2);
        for (PackInfo pack : targets.packs()) {
            table.row(pack.name(), pack.version(), pack.bundleId(), String.join(", ", pack.targets()));
        }
        return table.isEmpty() ? "No target packs are installed" : table.toString();
    }

    @Descriptor("remove an installed target pack (its bundle) by pack name or bundle id")
    public Object remove(@Descriptor(REMOVE) String... args) {
        return CommandSyntax.of(REMOVE).run(args, line -> remove(line.argument(0)));
    }

    private String remove(String name) {
        PackInfo pack = targets.packs().stream().filter(p -> p.name().equalsIgnoreCase(name)
                || Long.toString(p.bundleId()).equals(name)).findFirst()
                .orElseThrow(() -> new ProbeException("no installed pack '" + name + "' (pack:list shows them)"));
        Bundle bundle = context.getBundle(pack.bundleId());
        if (bundle == null) {
            throw new ProbeException("pack " + pack.name() + ": bundle " + pack.bundleId() + " is gone already");
        }
        try {
            bundle.uninstall();
        } catch (BundleException e) {
            throw new ProbeException("cannot remove pack " + pack.name() + ": " + e.getMessage(), e);
        }
        return String.format("Removed pack %s %s (bundle %d, targets %s)", pack.name(), pack.version(),
                pack.bundleId(), String.join(", ", pack.targets()));
    }
}
