package io.probehost.extras;

import java.net.URI;

/**
 * One extra a repository offers.
 *
 * @param name        the short name users type ({@code pemicro})
 * @param bundle      the driver bundle's symbolic name
 * @param version     the bundle version
 * @param repository  the index that offers it
 * @param installed   whether this bundle (any version) is installed
 */
public record Extra(String name, String bundle, String version, URI repository, boolean installed) {
}
