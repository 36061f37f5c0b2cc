package io.probehost.flash.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.probehost.api.target.CoreDescription;
import io.probehost.api.target.FlashAlgorithm;
import io.probehost.api.target.MemoryRegion;
import io.probehost.api.target.TargetDescription;
import io.probehost.flash.format.TargetPackDescriptor;
import io.probehost.flash.format.TargetPackReader;

/** The JSON pack:install writes is read back by flash.format unchanged, whatever characters the names hold. */
class PackJsonTest {
    /** Quotes, backslashes, a slash, every kind of control character, non-ASCII and a character outside the BMP. */
    private static final String AWKWARD = "q\"uote \\back/slash \t\r\n\b\f\u0000\u001f é中\ud83d\ude00\u2028";

    @Test
    void targetWithAwkwardNamesReadsBackIdenticalWhenWrittenAndReadByTheFormatReader() {
        TargetDescription original = awkward(TestFiles.nrf51());
        FlashAlgorithm algorithm = original.algorithms().get(0);
        Map<String, byte[]> files = new HashMap<>();
        String algorithmFile = "algorithms/" + original.name() + ".json";
        files.put(algorithmFile, PackJson.algorithmFile(algorithm, original.memoryMap()));
        byte[] descriptor = PackJson.descriptor("pack " + AWKWARD, "1.0.0-" + AWKWARD,
                List.of(PackJson.target(original, algorithmFile, original.memoryMap())));

        TargetPackDescriptor pack = TargetPackReader.read(TargetPackReader.FILE_NAME, descriptor, path -> {
            byte[] content = files.get(path);
            if (content == null) {
                throw new IOException("missing " + path);
            }
            return content;
        });

        assertEquals("pack " + AWKWARD, pack.name());
        assertEquals("1.0.0-" + AWKWARD, pack.version());
        TargetDescription read = pack.targets().get(0);
        assertEquals(original.name(), read.name());
        assertEquals(original.vendor(), read.vendor());
        assertEquals(original.family(), read.family());
        assertEquals(original.cores(), read.cores());
        assertEquals(original.memoryMap(), read.memoryMap());
        assertEquals(original.resetType(), read.resetType());
        FlashAlgorithm readAlgorithm = read.algorithms().get(0);
        assertArrayEquals(algorithm.instructions(), readAlgorithm.instructions());
        assertEquals(withoutInstructions(algorithm), withoutInstructions(readAlgorithm));
    }

    /** The target with every free-text field made awkward; the name stays lower case without spaces, as packs require. */
    private static TargetDescription awkward(TargetDescription target) {
        String algorithmName = "algo " + AWKWARD;
        FlashAlgorithm a = target.algorithms().get(0);
        FlashAlgorithm algorithm = new FlashAlgorithm(algorithmName, a.instructions(), a.loadAddress(), a.pcInit(),
                a.pcUnInit(), a.pcEraseAll(), a.pcEraseSector(), a.pcProgramPage(), a.staticBase(), a.beginStack(),
                a.pageBuffers(), a.minProgramLength(), a.pageSize(), a.erasedValue());
        List<CoreDescription> cores = target.cores().stream()
                .map(c -> new CoreDescription(c.name() + AWKWARD, c.type(), c.architecture(), c.apAddress())).toList();
        List<MemoryRegion> regions = target.memoryMap().stream()
                .map(r -> new MemoryRegion(r.kind(), r.name() + " " + AWKWARD, r.start(), r.length(), r.sectorSize(),
                        r.pageSize(), r.bootMemory(), r.isFlash() ? algorithmName : ""))
                .toList();
        String name = (target.name() + AWKWARD.replace(" ", "_")).toLowerCase(Locale.ROOT);
        return new TargetDescription(name, "vendor " + AWKWARD, "family " + AWKWARD, cores, regions,
                List.of(algorithm), target.resetType());
    }

    /** Every field of the algorithm but its blob, whose array has no value equality. */
    private static List<Object> withoutInstructions(FlashAlgorithm a) {
        return List.of(a.name(), a.loadAddress(), a.pcInit(), a.pcUnInit(), a.pcEraseAll(), a.pcEraseSector(),
                a.pcProgramPage(), a.staticBase(), a.beginStack(), a.pageBuffers(), a.minProgramLength(), a.pageSize(),
                a.erasedValue());
    }
}
