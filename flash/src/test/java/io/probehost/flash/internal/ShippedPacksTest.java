package io.probehost.flash.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.probehost.api.target.FlashAlgorithm;
import io.probehost.api.target.TargetDescription;
import io.probehost.flash.format.TargetPackDescriptor;

/** pack.nordic, pack.st and pack.nxp: their descriptors and unchanged algorithm files load and parse. */
class ShippedPacksTest {

    @Test
    void everyShippedPackDescribesItsTargetsWithAFlashAlgorithmWhenRead() {
        Map<String, String> targets = new TreeMap<>();
        for (TargetPackDescriptor pack : TestFiles.packs()) {
            targets.put(pack.name(), pack.targets().stream().map(TargetDescription::name).sorted()
                    .collect(Collectors.joining(",")));
            for (TargetDescription target : pack.targets()) {
                assertEquals(1, target.algorithms().size(), target.name());
                FlashAlgorithm algorithm = target.algorithms().get(0);
                assertTrue(algorithm.instructions().length > 100, target.name());
                assertTrue(target.memoryMap().stream().anyMatch(r -> r.isFlash()
                        && r.algorithm().equals(algorithm.name())), target.name());
                assertEquals(2, algorithm.pageBuffers().size(), target.name());
            }
        }
        assertEquals(Map.of("nordic", "nrf51822_xxaa,nrf52832_xxaa", "st", "stm32f051t8,stm32f103c8,stm32f103rb,stm32f103rc",
                "nxp", "mk64fn1m0xxx12,mkl25z128xxx4"), targets);
    }
}
