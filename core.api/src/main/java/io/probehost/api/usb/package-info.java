/** The USB transport seam: drivers talk to probes only through a UsbBus service. */
@Export
@Version("0.2.0")
package io.probehost.api.usb;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
