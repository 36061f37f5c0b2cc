/** Plain-text output shared by every front end, so all commands print alike. */
@Export
@Version("0.1.0")
package io.probehost.api.text;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
