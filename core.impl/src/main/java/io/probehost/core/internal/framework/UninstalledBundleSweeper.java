package io.probehost.core.internal.framework;

import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Lets uninstalled bundles be garbage collected: after every uninstall, the framework's stale
 * records of services the bundle once used are dropped (see {@link FelixServiceUses} for the
 * framework defect this works around). Without it, each install and removal of a DS driver kept
 * about 10 KB and the bundle's jar entries for as long as the runtime ran.
 */
@Component(service = {}, immediate = true)
public final class UninstalledBundleSweeper implements SynchronousBundleListener {
    private final BundleContext context;
    private final Optional<FelixServiceUses> uses;

    @Activate
    public UninstalledBundleSweeper(BundleContext context) {
        this.context = context;
        this.uses = FelixServiceUses.of(context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION));
        if (uses.isPresent()) {
            context.addBundleListener(this);
            uses.get().forgetUninstalled();
        }
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        // By UNINSTALLED the bundle has stopped and released its services; its context is invalid.
        if (event.getType() == BundleEvent.UNINSTALLED) {
            uses.ifPresent(FelixServiceUses::forgetUninstalled);
        }
    }

    /** Whether the framework is one this sweeper knows how to clean up after. */
    boolean active() {
        return uses.isPresent();
    }
}
