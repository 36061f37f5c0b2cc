/** Long operations (a flash program, one per probe) as jobs that a status page or a script can follow. */
@Export
@Version("0.1.0")
package io.probehost.api.job;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
