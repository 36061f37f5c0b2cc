package io.probehost.flash.internal;

import java.util.Dictionary;
import java.util.Hashtable;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

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
    /** Parses pack files off the start-up path; its one thread ends when this bundle stops. */
    private final ExecutorService parser = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "probehost-pack-parser");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    @Activate
    void activate(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, this);
        tracker.open();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        closed = true;
        tracker.close();
        parser.shutdownNow();
        parser.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Override
    public ServiceRegistration<TargetPack> addingBundle(Bundle bundle, BundleEvent event) {
        String descriptor = bundle.getHeaders("").get(DataTargetPack.HEADER);
        if (descriptor == null || bundle.getBundleContext() == null) {
            return null;
        }
        DataTargetPack pack = DataTargetPack.readInBackground(bundle, descriptor.trim(), parser);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("probehost.pack.bundle", bundle.getSymbolicName());
        ServiceRegistration<TargetPack> registration =
                bundle.getBundleContext().registerService(TargetPack.class, pack, properties);
        pack.parsed().whenComplete((parsed, failure) -> {
            if (failure != null && !closed && bundle.getState() == Bundle.ACTIVE) {
                System.err.println("Target pack " + bundle.getSymbolicName() + " ignored: "
                        + (failure.getCause() == null ? failure : failure.getCause()).getMessage());
                unregisterQuietly(registration);
            }
        });
        return registration;
    }

    private static void unregisterQuietly(ServiceRegistration<TargetPack> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle stopped meanwhile
        }
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<TargetPack> registration) {
        // the contents of an active bundle do not change; an update stops and restarts it
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<TargetPack> registration) {
        unregisterQuietly(registration);
    }
}
