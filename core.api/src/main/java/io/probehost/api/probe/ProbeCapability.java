package io.probehost.api.probe;

/** Marker for the optional parts of a probe, found with {@link DebugProbe#capability(Class)}. */
public interface ProbeCapability {
}
