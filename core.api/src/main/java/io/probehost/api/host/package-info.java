/** Services of the plugin host that front ends (shell, GDB server) use: registries of drivers, probes, targets and options. */
@Export
@Version("0.2.0")
package io.probehost.api.host;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
