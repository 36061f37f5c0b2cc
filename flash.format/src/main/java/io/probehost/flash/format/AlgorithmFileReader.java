package io.probehost.flash.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.probehost.api.target.CoreDescription;
import io.probehost.api.target.TargetDescription;
import io.probehost.flash.format.internal.AlgorithmFileParser;
import io.probehost.flash.format.internal.TargetChecks;

/**
 * Reads a pyOCD-style flash algorithm file (JSON: base64 blob, absolute entry points, page buffers,
 * memory map) into a one-algorithm {@link TargetDescription}. The algorithm and the target are named
 * after the file's {@code target} field (or the file name without {@code .json}); flash regions
 * refer to the algorithm by that name. Without a {@code cores} field the target gets
 * {@link #GENERIC_CORE}: the files' Thumb algorithms run on any Cortex-M, but a target pack should
 * name the real core.
 */
public final class AlgorithmFileReader {

    /** The core assumed when an algorithm file names none. */
    public static final CoreDescription GENERIC_CORE = new CoreDescription("core0", "Cortex-M", "armv6m", 0);

    private AlgorithmFileReader() {
    }

    public static TargetDescription read(Path file) {
        return read(String.valueOf(file.getFileName()), readBytes(file));
    }

    /** @throws ImageFormatException naming the file and the field at fault */
    public static TargetDescription read(String source, byte[] content) {
        AlgorithmFileParser.Parsed parsed = AlgorithmFileParser.parse(source, content);
        return TargetChecks.check(source, new TargetDescription(parsed.target(), parsed.vendor().orElse(""),
                parsed.family().orElse(""), parsed.cores().orElse(List.of(GENERIC_CORE)), parsed.memoryMap(),
                List.of(parsed.algorithm()), ""));
    }

    static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImageFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
