/**
 * Generic JTAG on top of a probe's {@link io.probehost.api.probe.JtagSequencer}: TAP state moves, IR
 * and DR scans of one TAP of a chain with the others in BYPASS, and the IDCODE scan of the chain. The
 * JTAG-DP and the RISC-V DTM are built on it.
 */
@Export
@Version("1.0.0")
package io.probehost.api.jtag;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
