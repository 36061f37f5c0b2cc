/** Debug layers above the probe: memory interfaces and core control. */
@Export
@Version("0.1.0")
package io.probehost.api.debug;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
