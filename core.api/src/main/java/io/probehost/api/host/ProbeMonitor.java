package io.probehost.api.host;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.probehost.api.probe.ProbeDescription;

/**
 * Probes as they come and go. Fed by the USB buses' hot-plug events (libusb's callbacks, or polling
 * where the platform has none; the virtual lab's bus), each of which makes it list the probes again
 * and compare: a probe is the same while its driver and unique ID are.
 */
@ProviderType
public interface ProbeMonitor {

    /** The probes present, as last listed (listing them now when nobody has watched yet). */
    List<ProbeDescription> present();

    /**
     * Tells {@code listener} of every arrival and departure from now until the watch is closed. The
     * probes present when it starts are not reported (see {@link #present()}).
     */
    Watch watch(ProbeListener listener);

    /** A running watch; closing it stops the events. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }
}
