package io.probehost.api.job;

import org.osgi.annotation.versioning.ConsumerType;

/** Told of each change to a job. Called on the thread doing the job: return quickly. */
@ConsumerType
@FunctionalInterface
public interface JobListener {

    void jobChanged(Job job);
}
