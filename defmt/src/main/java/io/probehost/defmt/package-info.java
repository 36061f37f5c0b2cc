/**
 * defmt decoding (wire format versions 3 and 4): the interned-string table of a firmware's ELF
 * ({@link io.probehost.defmt.DefmtTable}), a streaming decoder for rzCOBS and raw streams
 * ({@link io.probehost.defmt.DefmtStreamDecoder}) that yields decoded frames and garbled-frame reports,
 * and their rendering as log lines ({@link io.probehost.defmt.DefmtLines}).
 */
@Export
@Version("0.1.0")
package io.probehost.defmt;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
