package io.probehost.api.debug;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Why a halted core is in a fault handler, in words, from the architecture's own fault state (on
 * Armv7-M the CFSR, HFSR, MMFAR and BFAR; on Armv6-M the active exception, EXC_RETURN and the
 * stacked frame; on RISC-V mcause and mtval). Offered by a {@link DebugTarget} whose architecture
 * knows how; the core must be halted.
 */
@ProviderType
public interface FaultReport extends TargetCapability {

    /** One finding a line, most important first; empty when the core is not handling an exception. */
    List<String> describe();
}
