package io.probehost.core.internal.target;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.probehost.api.host.TargetRegistry;
import io.probehost.api.target.TargetDescription;
import io.probehost.api.target.TargetPack;

/** Tracks {@link TargetPack} services (whiteboard); the known targets change as packs come and go. */
@Component(service = TargetRegistry.class)
public final class TargetRegistryImpl implements TargetRegistry {

    private record Entry(TargetPack pack, long bundleId) {
    }

    private final List<Entry> packs = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addPack(TargetPack pack, ServiceReference<TargetPack> reference) {
        packs.add(new Entry(pack, reference.getBundle().getBundleId()));
    }

    void removePack(TargetPack pack) {
        packs.removeIf(entry -> entry.pack == pack);
    }

    @Override
    public List<PackInfo> packs() {
        List<PackInfo> infos = new ArrayList<>();
        for (Entry entry : packs) {
            List<TargetDescription> targets = targetsOf(entry);
            if (!targets.isEmpty()) {
                infos.add(new PackInfo(entry.pack.name(), entry.pack.version(), entry.bundleId,
                        targets.stream().map(TargetDescription::name).toList()));
            }
        }
        infos.sort(Comparator.comparing(PackInfo::name));
        return infos;
    }

    @Override
    public List<TargetDescription> targets() {
        List<TargetDescription> all = new ArrayList<>();
        for (Entry entry : packs) {
            all.addAll(targetsOf(entry));
        }
        all.sort(Comparator.comparing(TargetDescription::name));
        return all;
    }

    /** A pack whose data turns out broken is left out; its extender reports it and withdraws it. */
    private static List<TargetDescription> targetsOf(Entry entry) {
        try {
            return entry.pack.targets();
        } catch (RuntimeException broken) {
            return List.of();
        }
    }

    @Override
    public Optional<TargetDescription> find(String name) {
        for (Entry entry : packs) {
            for (TargetDescription target : targetsOf(entry)) {
                if (target.name().equalsIgnoreCase(name)) {
                    return Optional.of(target);
                }
            }
        }
        return Optional.empty();
    }
}
