/** The call stack of a halted core, unwound with the firmware's debug information and printed as gdb does. */
@Export
@Version("0.1.0")
package io.probehost.command.backtrace;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
