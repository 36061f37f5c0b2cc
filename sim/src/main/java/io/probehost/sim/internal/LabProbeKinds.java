package io.probehost.sim.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.probehost.api.ProbeException;
import io.probehost.sim.probe.cmsisdap.CmsisDapProbes;
import io.probehost.sim.probe.pemicro.PeMicroLab;
import io.probehost.sim.probe.stlink.StlinkConfig;

/**
 * The probe kinds the lab emulates, by the name a lab file gives them. Each builds its emulator wired
 * to a target's debug port, its packets going through the lab's link model; a new kind is one more
 * entry in {@link #FACTORIES}.
 */
final class LabProbeKinds {

    /**
     * Builds one probe of a kind from its lab-file entry, in front of {@code target}; a PE Micro probe is
     * served to the stand-in library by {@code peMicroServer}.
     */
    @FunctionalInterface
    interface Factory {
        LabProbe create(LabConfig.Probe spec, Lab.Target target, LabConfig.Link link,
                Supplier<PeMicroLab> peMicroServer);
    }

    private static final Map<String, Factory> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put("daplink", (spec, target, link, peMicro) -> new CmsisDapLabProbe(
                CmsisDapProbes.dapLinkConfig(spec.serial()), target, link));
        FACTORIES.put("cmsis-dap", (spec, target, link, peMicro) -> new CmsisDapLabProbe(
                CmsisDapProbes.genericV21Config(spec.serial(), spec.targetVendor(), spec.targetName(),
                        spec.boardVendor(), spec.boardName()), target, link));
        FACTORIES.put("stlink-v2-1", (spec, target, link, peMicro) -> new StlinkLabProbe(
                StlinkLabProbe.configure(StlinkConfig.nucleoF103rb(spec.serial()), spec, link), target));
        FACTORIES.put("stlink-v3", (spec, target, link, peMicro) -> new StlinkLabProbe(
                StlinkLabProbe.configure(StlinkConfig.stlinkV3(spec.serial()), spec, link), target));
        FACTORIES.put("stlink-v2", (spec, target, link, peMicro) -> new StlinkLabProbe(
                StlinkLabProbe.configure(StlinkConfig.v2(spec.serial(), 37), spec, link), target));
        FACTORIES.put("jlink", (spec, target, link, peMicro) -> new JlinkLabProbe(
                JlinkLabProbe.v11(spec.serial()), target, link));
        FACTORIES.put("picoprobe", (spec, target, link, peMicro) -> new PicoprobeLabProbe(spec.serial(), target, link));
        FACTORIES.put("pemicro", (spec, target, link, peMicro) -> new PeMicroLabProbe(spec.serial(), target,
                peMicro.get()));
    }

    private LabProbeKinds() {
    }

    static Set<String> names() {
        return FACTORIES.keySet();
    }

    static boolean has(String kind) {
        return FACTORIES.containsKey(kind);
    }

    static LabProbe create(LabConfig.Probe spec, Lab.Target target, LabConfig.Link link,
            Supplier<PeMicroLab> peMicroServer) {
        Factory factory = FACTORIES.get(spec.kind());
        if (factory == null) {
            throw new ProbeException("the lab emulates no probe kind '" + spec.kind() + "' (it emulates: "
                    + String.join(", ", names()) + ")");
        }
        return factory.create(spec, target, link, peMicroServer);
    }
}
