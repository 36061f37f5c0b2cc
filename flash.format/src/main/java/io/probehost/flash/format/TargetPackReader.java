package io.probehost.flash.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.probehost.flash.format.internal.PackDescriptorParser;

/**
 * Reads Probehost's own target-pack descriptor ({@code probehost-pack.json}; the format is
 * described in flash.format/README.md). Algorithms are referenced as algorithm files (see
 * {@link AlgorithmFileReader}) relative to the descriptor.
 */
public final class TargetPackReader {

    public static final String FILE_NAME = "probehost-pack.json";
    public static final String FORMAT = "probehost-pack/1";

    private TargetPackReader() {
    }

    /** Reads {@code descriptor}; referenced files must lie in its folder or below. */
    public static TargetPackDescriptor read(Path descriptor) {
        Path folder = descriptor.toAbsolutePath().normalize().getParent();
        return read(String.valueOf(descriptor.getFileName()), AlgorithmFileReader.readBytes(descriptor), relative -> {
            Path file = folder.resolve(relative).normalize();
            if (!file.startsWith(folder)) {
                throw new IOException("outside the pack folder");
            }
            return Files.readAllBytes(file);
        });
    }

    /** @throws ImageFormatException naming the file (descriptor or algorithm file) and the field at fault */
    public static TargetPackDescriptor read(String source, byte[] content, PackResourceLoader loader) {
        return PackDescriptorParser.parse(source, content, loader);
    }
}
