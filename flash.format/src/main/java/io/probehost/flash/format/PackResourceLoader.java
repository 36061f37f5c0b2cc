package io.probehost.flash.format;

import java.io.IOException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Loads a file a pack descriptor refers to, by its path relative to the descriptor (for example a
 * bundle entry or a file next to the descriptor).
 */
@ConsumerType
@FunctionalInterface
public interface PackResourceLoader {

    byte[] load(String relativePath) throws IOException;
}
