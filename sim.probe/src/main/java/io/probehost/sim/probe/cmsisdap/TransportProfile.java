package io.probehost.sim.probe.cmsisdap;

/** What a request packet's transport tells the firmware: DAP_Info packet size and count. */
record TransportProfile(DapTransportKind kind, int packetSize, int packetCount) {
}
