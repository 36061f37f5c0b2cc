package io.probehost.gdbserver.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.probehost.api.debug.CoreRegister;

/**
 * How a core's registers appear to GDB: numbered from 0 in the order of the target description
 * ({@code g} and {@code p} use these numbers), grouped into {@link GdbFeature}s, with the
 * registers no known feature holds in a feature of their own. Built from the register list the
 * core offers, so that any architecture whose names GDB knows gets a working description.
 */
final class RegisterLayout {
    static final String OTHER_FEATURE = "io.probehost.other";

    /**
     * One register as GDB numbers it.
     *
     * @param number  GDB's register number (the {@code regnum} of the description)
     * @param name    the name in the description
     * @param core    the core's register
     * @param feature the feature that holds it
     * @param type    GDB type, empty for {@code int}
     * @param group   register group, or empty
     * @param atStop  whether stop replies carry it
     */
    record Entry(int number, String name, CoreRegister core, String feature, String type, String group,
            boolean atStop) {
        /** Bytes in a {@code g} reply: whole bytes of the register's width. */
        int bytes() {
            return (core.bitWidth() + 7) / 8;
        }

        int bitSize() {
            return bytes() * 8;
        }
    }

    private final List<Entry> entries;
    private final String architecture;

    private RegisterLayout(List<Entry> entries, String architecture) {
        this.entries = List.copyOf(entries);
        this.architecture = architecture;
    }

    /** The layout of these core registers. */
    static RegisterLayout of(List<CoreRegister> registers) {
        List<Entry> entries = new ArrayList<>();
        Set<CoreRegister> placed = new LinkedHashSet<>();
        String architecture = "";
        for (GdbFeature feature : GdbFeature.CATALOGUE) {
            List<Entry> held = new ArrayList<>();
            for (GdbFeature.Register wanted : feature.registers()) {
                Optional<CoreRegister> found = registers.stream().filter(r -> !placed.contains(r))
                        .filter(r -> wanted.answersTo(r.name())).findFirst();
                if (found.isEmpty() && held.isEmpty() && !feature.architecture().isEmpty()) {
                    break; // an architecture's core feature must start with its first register
                }
                found.ifPresent(register -> {
                    placed.add(register);
                    held.add(new Entry(entries.size() + held.size(), wanted.gdbName(), register, feature.name(),
                            wanted.type(), wanted.group(), wanted.atStop()));
                });
            }
            if (!held.isEmpty() && architecture.isEmpty()) {
                architecture = feature.architecture();
            }
            entries.addAll(held);
        }
        for (CoreRegister register : registers) {
            if (!placed.contains(register)) {
                entries.add(new Entry(entries.size(), register.name().toLowerCase(), register, OTHER_FEATURE, "",
                        "general", false));
            }
        }
        return new RegisterLayout(entries, architecture);
    }

    List<Entry> entries() {
        return entries;
    }

    Optional<Entry> entry(int number) {
        return number >= 0 && number < entries.size() ? Optional.of(entries.get(number)) : Optional.empty();
    }

    /** The entry GDB calls {@code name} (such as {@code pc}). */
    Optional<Entry> named(String name) {
        return entries.stream().filter(e -> e.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * What {@code g} carries: the registers of the architecture's core feature
     * (r0-pc and xpsr, x0-x31 and pc). GDB asks for the others with {@code p} when it shows them.
     */
    List<Entry> generalEntries() {
        if (architecture.isEmpty()) {
            return entries;
        }
        String core = entries.get(0).feature();
        return entries.stream().takeWhile(entry -> entry.feature().equals(core)).toList();
    }

    /**
     * What a stop reply carries: the registers GDB reads at every stop, and no more, since each
     * costs the probe's link a register transfer at every step; the general registers when no
     * known feature says which those are.
     */
    List<Entry> stopEntries() {
        List<Entry> atStop = entries.stream().filter(Entry::atStop).toList();
        return atStop.isEmpty() ? generalEntries() : atStop;
    }

    static List<CoreRegister> coreRegisters(List<Entry> entries) {
        return entries.stream().map(Entry::core).toList();
    }

    /** The {@code <architecture>} of the description, empty when no known feature matched. */
    String architecture() {
        return architecture;
    }

    /** The target description XML ({@code qXfer:features:read:target.xml}). */
    String targetXml() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
                + "<target version=\"1.0\">\n");
        if (!architecture.isEmpty()) {
            xml.append("  <architecture>").append(architecture).append("</architecture>\n");
        }
        String open = null;
        for (Entry entry : entries) {
            if (!entry.feature().equals(open)) {
                if (open != null) {
                    xml.append("  </feature>\n");
                }
                open = entry.feature();
                xml.append("  <feature name=\"").append(open).append("\">\n");
            }
            xml.append("    <reg name=\"").append(entry.name()).append("\" bitsize=\"").append(entry.bitSize())
                    .append("\" regnum=\"").append(entry.number()).append('"');
            if (!entry.type().isEmpty()) {
                xml.append(" type=\"").append(entry.type()).append('"');
            }
            if (!entry.group().isEmpty()) {
                xml.append(" group=\"").append(entry.group()).append('"');
            }
            xml.append("/>\n");
        }
        if (open != null) {
            xml.append("  </feature>\n");
        }
        return xml.append("</target>\n").toString();
    }
}
