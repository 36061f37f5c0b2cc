/** Plain-text output and number input shared by every front end, so all commands print and parse alike. */
@Export
@Version("0.2.0")
package io.probehost.api.text;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
