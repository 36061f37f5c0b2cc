/**
 * The SEGGER RTT client: find a target's RTT control block ({@link io.probehost.rtt.RttLocator}),
 * list its up and down channels and move bytes through their rings while the target runs
 * ({@link io.probehost.rtt.RttClient}).
 */
@Export
@Version("0.4.0")
package io.probehost.rtt;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
