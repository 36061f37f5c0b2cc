/**
 * ARM debug entry point: connect a probe to a Cortex-M core through an ADIv5 debug port
 * ({@link io.probehost.arch.arm.ArmDebugFactory}).
 */
@Export
@Version("0.2.0")
package io.probehost.arch.arm;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
