package io.probehost.api.host;

/**
 * A registered probe driver and the bundle that provides it.
 *
 * @param name          the driver's name, such as {@code cmsisdap}
 * @param description   what it drives
 * @param bundleId      id of the providing bundle
 * @param bundleName    symbolic name of the providing bundle
 * @param bundleVersion version of the providing bundle
 */
public record DriverInfo(String name, String description, long bundleId, String bundleName, String bundleVersion) {
}
