/**
 * Driver extras, installed like a pip extra: an extra is a driver bundle offered by an OSGi
 * Repository index; installing it resolves the driver and what it needs against the running
 * framework and adds only what is missing, with no restart.
 */
@Export
@Version("0.1.0")
package io.probehost.extras;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
