/** The target-pack SPI: target descriptions supplied by target-pack bundles. */
@Export
@Version("0.2.0")
package io.probehost.api.target;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
