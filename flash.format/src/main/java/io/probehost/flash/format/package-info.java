/**
 * Flash file formats: firmware images (ELF, Intel HEX, UF2, BIN), flash algorithm data files, the
 * Probehost target-pack descriptor, and the CMSIS-Pack parts (.pdsc devices, .FLM algorithms).
 * Everything here is pure parsing: no I/O beyond reading the named file, no OSGi services.
 */
@Export
@Version("0.2.0")
package io.probehost.flash.format;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
