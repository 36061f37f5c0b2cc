package io.probehost.api.debug;

/**
 * Marker for the optional parts of a connected target, found with
 * {@link DebugTarget#capability(Class)}: what one architecture or core can do and another cannot.
 */
public interface TargetCapability {
}
