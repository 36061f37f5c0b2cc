/** The probe SPI: drivers, probe descriptions and the optional capabilities a probe offers. */
@Export
@Version("0.3.0")
package io.probehost.api.probe;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
