package io.probehost.flash.format;

import java.util.Optional;

import io.probehost.api.target.TargetDescription;
import io.probehost.flash.format.internal.PdscTargetBuilder;

/**
 * Turns a CMSIS-Pack device into a Probehost {@link TargetDescription}: cores from its processors,
 * RAM from writable memories, flash from memories its algorithms cover (split where the FLM's
 * sector size changes), and each default algorithm's FLM placed in RAM with
 * {@link FlmAlgorithm#place}.
 */
public final class CmsisPackTargets {

    private CmsisPackTargets() {
    }

    /**
     * @param packFiles loads files by their path inside the pack (the FLMs)
     * @throws ImageFormatException naming the pack file at fault, or the device when it cannot be
     *                              described (unsupported core, no RAM for the algorithm)
     */
    public static TargetDescription toTarget(String source, PdscDevice device, PackResourceLoader packFiles) {
        return PdscTargetBuilder.build(source, device, packFiles);
    }

    /** The Probehost architecture of a CMSIS {@code Dcore}, such as {@code armv7em} for {@code Cortex-M4}. */
    public static Optional<String> architecture(String dcore) {
        return PdscTargetBuilder.architecture(dcore);
    }
}
