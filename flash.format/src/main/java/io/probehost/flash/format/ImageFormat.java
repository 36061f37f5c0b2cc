package io.probehost.flash.format;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Firmware file formats, with the file extensions that hint at each. */
public enum ImageFormat {
    ELF(List.of("elf", "axf", "out")),
    INTEL_HEX(List.of("hex", "ihex", "ihx")),
    UF2(List.of("uf2")),
    BIN(List.of("bin"));

    private final List<String> extensions;

    ImageFormat(List<String> extensions) {
        this.extensions = extensions;
    }

    /** Lower-case extensions without the dot. */
    public List<String> extensions() {
        return extensions;
    }

    /** The format a user names: {@code bin}, {@code hex}, {@code elf}, {@code uf2} or another of its extensions. */
    public static Optional<ImageFormat> fromName(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        for (ImageFormat format : values()) {
            if (format.extensions.contains(lower) || format.name().equalsIgnoreCase(lower)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The format a file name's extension suggests, if any. */
    public static Optional<ImageFormat> fromFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (ImageFormat format : values()) {
            if (format.extensions.contains(extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
