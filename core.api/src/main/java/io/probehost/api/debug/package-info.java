/** Debug layers above the probe: memory interfaces, core control and target capabilities such as calling a function. */
@Export
@Version("0.5.0")
package io.probehost.api.debug;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
