/** Exceptions shared by every layer of Probehost. */
@Export
@Version("0.2.0")
package io.probehost.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
