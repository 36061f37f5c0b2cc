package io.probehost.flash.internal;

import java.util.List;

import io.probehost.api.target.TargetDescription;

/**
 * A target-pack bundle made from a CMSIS-Pack.
 *
 * @param symbolicName its Bundle-SymbolicName
 * @param packName     the pack name {@code pack:list} shows ({@code Vendor.Name} of the .pdsc)
 * @param version      the pack's release version
 * @param jar          the bundle: manifest, probehost-pack.json, algorithms/*.json
 * @param targets      the targets it describes
 * @param skipped      devices or algorithms left out, with the reason, one line each
 */
record GeneratedPack(String symbolicName, String packName, String version, byte[] jar, List<TargetDescription> targets,
        List<String> skipped) {
}
