package io.probehost.api.job;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The jobs of this runtime: those running, and those that ended lately (kept for a while, so that a
 * page opened after a flash still shows how it ended).
 */
@ProviderType
public interface JobRegistry {

    /** Starts a job of {@code kind} on the probe with this unique ID; report on it through the handle. */
    JobHandle start(String kind, String probe);

    /** The jobs running and those kept after their end, oldest first. */
    List<Job> jobs();

    /** Tells {@code listener} of every job started, progressed or ended from now until the watch is closed. */
    Watch watch(JobListener listener);

    /** A running watch; closing it stops the events. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }
}
