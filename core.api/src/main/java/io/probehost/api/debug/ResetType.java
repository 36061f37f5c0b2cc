package io.probehost.api.debug;

/** How a core is reset. */
public enum ResetType {
    /** Software system reset requested through the core (Cortex-M AIRCR.SYSRESETREQ). */
    SYSRESETREQ,
    /** The probe pulses the target's nRESET pin. */
    HARDWARE
}
