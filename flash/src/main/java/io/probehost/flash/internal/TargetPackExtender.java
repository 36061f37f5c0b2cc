package io.probehost.flash.internal;

import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

import io.probehost.api.target.TargetPack;

/**
 * The data-pack extender: every active bundle with a {@code Probehost-TargetPack} manifest header
 * gets a {@link TargetPack} service, registered in that bundle's name (so the pack is listed with
 * its bundle id) and withdrawn when it stops. Pack bundles hold data only.
 */
@Component(immediate = true, service = TargetPackExtender.class)
public final class TargetPackExtender implements BundleTrackerCustomizer<ServiceRegistration<TargetPack>> {
    private BundleTracker<ServiceRegistration<TargetPack>> tracker;

    @Activate
    void activate(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, this);
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    @Override
    public ServiceRegistration<TargetPack> addingBundle(Bundle bundle, BundleEvent event) {
        String descriptor = bundle.getHeaders("").get(DataTargetPack.HEADER);
        if (descriptor == null || bundle.getBundleContext() == null) {
            return null;
        }
        try {
            DataTargetPack pack = DataTargetPack.read(bundle, descriptor.trim());
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("probehost.pack.name", pack.name());
            properties.put("probehost.pack.version", pack.version());
            return bundle.getBundleContext().registerService(TargetPack.class, pack, properties);
        } catch (RuntimeException e) {
            System.err.println("Target pack " + bundle.getSymbolicName() + " ignored: " + e.getMessage());
            return null;
        }
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<TargetPack> registration) {
        // the contents of an active bundle do not change; an update stops and restarts it
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<TargetPack> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework withdrew it when the bundle stopped
        }
    }
}
