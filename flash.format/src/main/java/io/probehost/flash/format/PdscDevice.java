package io.probehost.flash.format;

import java.util.List;

/**
 * One selectable device of a CMSIS-Pack (a {@code <device>}, or each of its {@code <variant>}s),
 * with properties inherited from its family and subfamily.
 *
 * @param name       {@code Dname} or {@code Dvariant}
 * @param vendor     {@code Dvendor} without its {@code :NN} number
 * @param family     {@code Dfamily}
 * @param subFamily  {@code DsubFamily}, empty when the device sits directly under its family
 * @param processors one per core
 * @param memories   regions, parents' ones overridden by name
 * @param algorithms flash algorithms, parents' ones overridden by address range
 */
public record PdscDevice(String name, String vendor, String family, String subFamily, List<PdscProcessor> processors,
        List<PdscMemory> memories, List<PdscAlgorithm> algorithms) {

    public PdscDevice {
        processors = List.copyOf(processors);
        memories = List.copyOf(memories);
        algorithms = List.copyOf(algorithms);
    }
}
