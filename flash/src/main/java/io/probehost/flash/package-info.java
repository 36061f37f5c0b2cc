/**
 * The flash loader API: program, erase and verify a target's flash through its CMSIS flash
 * algorithm ({@link io.probehost.flash.FlashLoader}), with options, progress and results.
 */
@Export
@Version("0.1.0")
package io.probehost.flash;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
