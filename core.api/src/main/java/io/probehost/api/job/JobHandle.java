package io.probehost.api.job;

import org.osgi.annotation.versioning.ProviderType;

/** What the code doing a job reports through. After {@link #done} or {@link #failed}, further reports are ignored. */
@ProviderType
public interface JobHandle {

    Job job();

    /** {@code done} of {@code total} bytes of {@code phase} are finished. */
    void progress(String phase, long done, long total);

    void done(String result);

    void failed(String message);
}
