package io.probehost.flash.internal;


import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.probehost.api.ProbeException;
import io.probehost.api.text.TextTable;
import io.probehost.command.CommandSyntax;
import io.probehost.api.host.TargetRegistry;
import io.probehost.api.target.CoreDescription;
import io.probehost.api.target.FlashAlgorithm;
import io.probehost.api.target.MemoryRegion;
import io.probehost.api.target.TargetDescription;

/** {@code target:show NAME}: a target's cores, memory map and flash algorithms (target:list is the shell's). */
@Component(service = TargetShowCommand.class, property = {"osgi.command.scope=target", "osgi.command.function=show"})
public final class TargetShowCommand {
    private final TargetRegistry targets;

    @Activate
    public TargetShowCommand(@Reference TargetRegistry targets) {
        this.targets = targets;
    }

    static final String SHOW = "target:show NAME";

    @Descriptor("show a target type (target:list names them): cores, memory map, flash algorithms")
    public Object show(@Descriptor(SHOW) String... args) {
        return CommandSyntax.of(SHOW).run(args, line -> {
            String name = line.argument(0);
            TargetDescription target = targets.find(name).orElseThrow(() -> new ProbeException(
                    "no installed pack describes target '" + name + "' (target:list shows them)"));
            return describe(target);
        });
    }

    static String describe(TargetDescription target) {
        StringBuilder out = new StringBuilder();
        out.append(target.name()).append(": ").append(target.vendor()).append(' ').append(target.family())
                .append(", reset ").append(target.resetType()).append('\n');
        for (CoreDescription core : target.cores()) {
            out.append(String.format("  core %s: %s (%s), AP %d%n", core.name(), core.type(), core.architecture(),
                    core.apAddress()));
        }
        TextTable table = new TextTable("Region", "Kind", "Start", "End", "Sector", "Page", "Algorithm");
        for (MemoryRegion r : target.memoryMap()) {
            table.row(r.name() + (r.bootMemory() ? " (boot)" : ""), r.kind().name().toLowerCase(),
                    String.format("0x%08X", r.start()), String.format("0x%08X", r.end() - 1),
                    r.isFlash() ? String.format("0x%X", r.sectorSize()) : "",
                    r.isFlash() && r.pageSize() > 0 ? String.format("0x%X", r.pageSize()) : "", r.algorithm());
        }
        out.append(table).append('\n');
        for (FlashAlgorithm a : target.algorithms()) {
            out.append(String.format("  algorithm %s: %d bytes at 0x%08X, stack 0x%08X, %d page buffer%s of 0x%X%s%n",
                    a.name(), a.instructions().length, a.loadAddress(), a.beginStack(), a.pageBuffers().size(),
                    a.pageBuffers().size() == 1 ? "" : "s", a.pageSize(), a.pcEraseAll() != 0 ? ", chip erase" : ""));
        }
        return out.toString().stripTrailing();
    }
}
