package io.probehost.sim.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.probehost.api.ProbeException;
import io.probehost.sim.probe.pemicro.PeMicroLab;
import io.probehost.sim.probe.usb.VirtualUsbBus;

/**
 * The lab built from a {@link LabConfig}: virtual targets with their debug ports, and virtual
 * probes plugged into a virtual USB bus. Flash contents persist per target under the state folder.
 */
final class Lab implements AutoCloseable {

    /** A virtual target: its part's chip and the debug port on its connector. */
    record Target(String name, String part, LabChip chip) {
        /** The Arm chip and SWJ-DP, for a command about {@code what}; one clear line for a RISC-V target. */
        LabChip.Arm arm(String what) {
            return chip.arm(name, what);
        }
    }

    /** A virtual probe of a kind and the target it is wired to. */
    record Probe(String kind, String serial, Target target, LabProbe emulator) {
    }

    private final VirtualUsbBus bus = new VirtualUsbBus(VirtualUsbBus.DEFAULT_NAME);
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final List<Probe> probes = new ArrayList<>();
    private PeMicroLab peMicro;

    Lab(LabConfig config, Path stateFolder) {
        try {
            for (LabConfig.Target target : config.targets()) {
                LabChip chip = LabParts.create(target.part(),
                        stateFolder == null ? null : stateFolder.resolve(target.name()));
                targets.put(target.name(), new Target(target.name(), target.part(), chip));
            }
            for (LabConfig.Probe probe : config.probes()) {
                Target target = targets.get(probe.target());
                LabProbe device = LabProbeKinds.create(probe, target, config.link(), this::peMicroServer);
                probes.add(new Probe(probe.kind(), probe.serial(), target, device));
                device.usbDevice().ifPresent(bus::attach);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    VirtualUsbBus bus() {
        return bus;
    }

    /** The loopback server PE Micro's stand-in library reaches the Multilinks through, started by the first. */
    synchronized PeMicroLab peMicroServer() {
        if (peMicro == null) {
            peMicro = PeMicroLab.start();
        }
        return peMicro;
    }

    /** The PE Micro server, when the lab has Multilinks. */
    synchronized Optional<PeMicroLab> peMicro() {
        return Optional.ofNullable(peMicro);
    }

    List<Target> targets() {
        return List.copyOf(targets.values());
    }

    List<Probe> probes() {
        return List.copyOf(probes);
    }

    Target target(String name) {
        Target target = targets.get(name);
        if (target == null) {
            throw new ProbeException("no lab target '" + name + "' (lab:list shows them: "
                    + String.join(", ", targets.keySet()) + ")");
        }
        return target;
    }

    Optional<Probe> probe(String serialPrefix) {
        return probes.stream().filter(p -> p.serial().toLowerCase().startsWith(serialPrefix.toLowerCase()))
                .findFirst();
    }

    /** Erases every target's flash and UICR, on the chips and in the state folder. */
    void resetState() {
        for (Target target : targets.values()) {
            target.chip().resetState();
        }
    }

    @Override
    public void close() {
        bus.close();
        peMicro().ifPresent(PeMicroLab::close);
        for (Probe probe : probes) {
            probe.emulator().close();
        }
        for (Target target : targets.values()) {
            target.chip().close();
        }
    }
}
