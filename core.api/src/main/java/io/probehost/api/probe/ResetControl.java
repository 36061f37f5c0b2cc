package io.probehost.api.probe;

import org.osgi.annotation.versioning.ConsumerType;

/** The probe's nRESET line. */
@ConsumerType
public interface ResetControl extends ProbeCapability {

    /** Drives nRESET low ({@code true}) or releases it ({@code false}). */
    void setResetAsserted(boolean asserted);
}
