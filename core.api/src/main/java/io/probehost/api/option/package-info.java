/** Typed session options that any bundle can declare. */
@Export
@Version("0.1.0")
package io.probehost.api.option;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
