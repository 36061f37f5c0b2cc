package io.probehost.shell.internal;

import java.util.Optional;

import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.ProbeException;
import io.probehost.api.host.DriverInfo;
import io.probehost.api.host.ProbeRegistry;
import io.probehost.api.probe.ProbeDriver;
import io.probehost.api.text.TextTable;
import io.probehost.command.CommandSyntax;
import io.probehost.extras.ExtrasManager;
import io.probehost.extras.InstallPlan;

/** {@code driver:*} commands: the installed probe drivers, and adding or removing driver bundles at run time. */
@Component(service = DriverCommands.class, property = {"osgi.command.scope=driver", "osgi.command.function=list",
        "osgi.command.function=available", "osgi.command.function=install", "osgi.command.function=update", "osgi.command.function=uninstall"})
public final class DriverCommands {
    private final ProbeRegistry registry;
    private final BundleContext context;
    private final BundleOperations bundles;
    private final ExtrasManager extras;

    @Activate
    public DriverCommands(@Reference ProbeRegistry registry, @Reference ExtrasManager extras, BundleContext context) {
        this.registry = registry;
        this.extras = extras;
        this.context = context;
        this.bundles = new BundleOperations(context);
    }

    static final String LIST = "driver:list";
    static final String AVAILABLE = "driver:available";
    static final String INSTALL = "driver:install [--dry-run] EXTRA|LOCATION";
    static final String UPDATE = "driver:update DRIVER [LOCATION]";
    static final String UNINSTALL = "driver:uninstall EXTRA|DRIVER";

    @Descriptor("list the installed probe drivers and their bundles")
    public Object list(@Descriptor(LIST) String... args) {
        return CommandSyntax.of(LIST).run(args, line -> table());
    }

    private String table() {
        TextTable table = new TextTable("Driver", "Bundle", "Version", "State", "Probes", "Description").numeric(1, 4);
        for (DriverInfo info : registry.drivers()) {
            Bundle bundle = context.getBundle(info.bundleId());
            table.row(info.name(), info.bundleId(), info.bundleVersion(), bundle == null ? "GONE" : stateName(bundle),
                    probeCount(info.name()), info.description());
        }
        return table.isEmpty() ? "No probe drivers are installed" : table.toString();
    }

    @Descriptor("list the driver extras the repositories offer (driver:install NAME installs one)")
    public Object available(@Descriptor(AVAILABLE) String... args) {
        return CommandSyntax.of(AVAILABLE).run(args, line -> ExtrasText.available(extras.available(),
                extras.repositories()));
    }

    @Descriptor("install a driver extra by name (pemicro) with what it needs from the repositories, or a driver or "
            + "target-pack bundle from a path or URL; --dry-run prints the plan and changes nothing")
    public Object install(@Descriptor(INSTALL) String... args) {
        return CommandSyntax.of(INSTALL).run(args, line -> {
            String what = line.argument(0);
            if (isLocation(what)) {
                if (line.flag("--dry-run")) {
                    throw line.usageError("--dry-run plans the install of an extra, not of a jar");
                }
                return "Installed " + describe(bundles.install(what));
            }
            if (line.flag("--dry-run")) {
                return ExtrasText.plan(extras.plan(what), false) + "\n(dry run: nothing changed)";
            }
            InstallPlan plan = extras.install(what);
            return ExtrasText.plan(plan, true) + driversOf(plan);
        });
    }

    /** A jar path or URL rather than an extra's name: has a scheme, a separator or the .jar ending, or exists. */
    static boolean isLocation(String what) {
        return what.contains("/") || what.contains("\\") || what.contains(":") || what.endsWith(".jar")
                || java.nio.file.Files.isRegularFile(java.nio.file.Path.of(what));
    }

    private String driversOf(InstallPlan plan) {
        String bundle = plan.added().get(plan.added().size() - 1);
        String drivers = registry.drivers().stream()
                .filter(d -> bundle.equals(d.bundleName() + " " + d.bundleVersion()))
                .map(DriverInfo::name).reduce((a, b) -> a + ", " + b).orElse("");
        return drivers.isEmpty() ? "" : "\nProbe drivers now available: " + drivers;
    }

    @Descriptor("update a driver bundle (driver name, bundle symbolic name or id) from its original location or "
            + "from a new jar")
    public Object update(@Descriptor(UPDATE) String... args) {
        return CommandSyntax.of(UPDATE).run(args, line -> {
            Bundle bundle = find(line.argument(0));
            bundles.update(bundle, line.optionalArgument(1).orElse(null));
            return "Updated " + describe(bundle);
        });
    }

    @Descriptor("remove an installed extra and what it brought that nothing else uses, or stop and remove a driver "
            + "bundle (driver name, bundle symbolic name or id)")
    public Object uninstall(@Descriptor(UNINSTALL) String... args) {
        return CommandSyntax.of(UNINSTALL).run(args, line -> {
            if (extras.isInstalled(line.argument(0))) {
                return ExtrasText.removal(extras.uninstall(line.argument(0)));
            }
            Bundle bundle = find(line.argument(0));
            String description = describe(bundle);
            bundles.uninstall(bundle);
            return "Uninstalled " + description;
        });
    }

    private Bundle find(String nameOrId) {
        Optional<DriverInfo> byDriver = registry.drivers().stream()
                .filter(d -> d.name().equalsIgnoreCase(nameOrId)).findFirst();
        if (byDriver.isPresent()) {
            return requireBundle(byDriver.get().bundleId(), nameOrId);
        }
        if (nameOrId.matches("\\d+")) {
            return requireBundle(Long.parseLong(nameOrId), nameOrId);
        }
        for (Bundle bundle : context.getBundles()) {
            if (nameOrId.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new ProbeException("no driver, bundle or bundle id '" + nameOrId + "' (driver:list shows them)");
    }

    private Bundle requireBundle(long id, String asked) {
        Bundle bundle = context.getBundle(id);
        if (bundle == null) {
            throw new ProbeException("no bundle with id " + asked);
        }
        if (id == 0) {
            throw new ProbeException("bundle 0 is the framework itself");
        }
        return bundle;
    }

    private String probeCount(String driverName) {
        Optional<ProbeDriver> driver = registry.driver(driverName);
        if (driver.isEmpty()) {
            return "-";
        }
        try {
            return Integer.toString(driver.get().probes().size());
        } catch (RuntimeException e) {
            return "error";
        }
    }

    private String describe(Bundle bundle) {
        String drivers = registry.drivers().stream().filter(d -> d.bundleId() == bundle.getBundleId())
                .map(DriverInfo::name).reduce((a, b) -> a + ", " + b).map(n -> ", driver " + n).orElse("");
        return bundle.getSymbolicName() + " " + bundle.getVersion() + " (bundle " + bundle.getBundleId() + drivers
                + ")";
    }

    static String stateName(Bundle bundle) {
        switch (bundle.getState()) {
            case Bundle.ACTIVE: return "ACTIVE";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            default: return "UNINSTALLED";
        }
    }
}
