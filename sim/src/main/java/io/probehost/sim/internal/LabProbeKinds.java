package io.probehost.sim.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.probehost.api.ProbeException;
import io.probehost.sim.probe.cmsisdap.CmsisDapProbes;
import io.probehost.sim.probe.stlink.StlinkConfig;

/**
 * The probe kinds the lab emulates, by the name a lab file gives them. Each builds its emulator wired
 * to a target's debug port, its packets going through the lab's link model; a new kind is one more
 * entry in {@link #FACTORIES}.
 */
final class LabProbeKinds {

    /** Builds one probe of a kind from its lab-file entry, in front of {@code target}. */
    @FunctionalInterface
    interface Factory {
        LabProbe create(LabConfig.Probe spec, Lab.Target target, LabConfig.Link link);
    }

    private static final Map<String, Factory> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put("daplink", (spec, target, link) -> new CmsisDapLabProbe(
                CmsisDapProbes.dapLinkConfig(spec.serial()), target, link));
        FACTORIES.put("cmsis-dap", (spec, target, link) -> new CmsisDapLabProbe(
                CmsisDapProbes.genericV21Config(spec.serial(), spec.targetVendor(), spec.targetName(),
                        spec.boardVendor(), spec.boardName()), target, link));
        FACTORIES.put("stlink-v2-1", (spec, target, link) -> new StlinkLabProbe(
                StlinkLabProbe.configure(StlinkConfig.nucleoF103rb(spec.serial()), spec, link), target));
        FACTORIES.put("stlink-v3", (spec, target, link) -> new StlinkLabProbe(
                StlinkLabProbe.configure(StlinkConfig.stlinkV3(spec.serial()), spec, link), target));
        FACTORIES.put("stlink-v2", (spec, target, link) -> new StlinkLabProbe(
                StlinkLabProbe.configure(StlinkConfig.v2(spec.serial(), 37), spec, link), target));
        FACTORIES.put("jlink", (spec, target, link) -> new JlinkLabProbe(
                JlinkLabProbe.v11(spec.serial()), target, link));
        FACTORIES.put("picoprobe", (spec, target, link) -> new PicoprobeLabProbe(spec.serial(), target, link));
    }

    private LabProbeKinds() {
    }

    static Set<String> names() {
        return FACTORIES.keySet();
    }

    static boolean has(String kind) {
        return FACTORIES.containsKey(kind);
    }

    static LabProbe create(LabConfig.Probe spec, Lab.Target target, LabConfig.Link link) {
        Factory factory = FACTORIES.get(spec.kind());
        if (factory == null) {
            throw new ProbeException("the lab emulates no probe kind '" + spec.kind() + "' (it emulates: "
                    + String.join(", ", names()) + ")");
        }
        return factory.create(spec, target, link);
    }
}
