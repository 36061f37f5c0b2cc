package io.probehost.api.target;

import java.util.List;
import java.util.Optional;

/**
 * One target type: a part with its cores, memory map and flash algorithms.
 *
 * @param name        lower-case target type as users type it, such as {@code nrf51822_xxaa}
 * @param vendor      silicon vendor, such as {@code Nordic Semiconductor}
 * @param family      part family, such as {@code nRF51}
 * @param cores       the cores, in debug order
 * @param memoryMap   RAM and flash regions
 * @param algorithms  flash algorithms, referred to by name from flash regions
 * @param resetType   default reset: {@code sysresetreq}, {@code hardware} or {@code vectreset}
 */
public record TargetDescription(String name, String vendor, String family, List<CoreDescription> cores,
        List<MemoryRegion> memoryMap, List<FlashAlgorithm> algorithms, String resetType) {

    public TargetDescription {
        cores = List.copyOf(cores);
        memoryMap = List.copyOf(memoryMap);
        algorithms = List.copyOf(algorithms);
        resetType = resetType == null || resetType.isEmpty() ? "sysresetreq" : resetType;
    }

    public Optional<FlashAlgorithm> algorithm(String algorithmName) {
        return algorithms.stream().filter(a -> a.name().equals(algorithmName)).findFirst();
    }

    public Optional<MemoryRegion> regionContaining(long address) {
        return memoryMap.stream().filter(r -> r.contains(address)).findFirst();
    }
}
