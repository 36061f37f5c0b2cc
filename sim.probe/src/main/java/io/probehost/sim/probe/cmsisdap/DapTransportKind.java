package io.probehost.sim.probe.cmsisdap;

/** The two CMSIS-DAP transports. */
public enum DapTransportKind {
    /** CMSIS-DAP v1: HID interface, interrupt endpoints, reports padded to the full size. */
    V1_HID,
    /** CMSIS-DAP v2: vendor interface "CMSIS-DAP v2", bulk endpoints, short responses. */
    V2_BULK
}
