package io.probehost.driver.pemicro.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the PE Micro library is looked for: the configured path (a file, or the folder holding it),
 * else the system property {@value #PATH_PROPERTY}, else the bare file name on the OS search path
 * ({@code jna.library.path}, {@code LD_LIBRARY_PATH}). One place, never several: every trial load is
 * a {@code dlopen} that stays mapped (PE Micro note, section 2). The library is never shipped.
 *
 * @param nameOrPath what JNA is asked to load: an absolute path, or the bare file name
 * @param source     where the location came from, for messages
 */
record LibraryLocation(String nameOrPath, String source) {
    static final String PATH_PROPERTY = "probehost.pemicro.library";

    /** The library's file name on this OS and JVM (no {@code lib} prefix). */
    static String fileName() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return "32".equals(System.getProperty("sun.arch.data.model")) ? "unitacmp-32.dll" : "unitacmp-64.dll";
        }
        return os.startsWith("mac") ? "unitacmp-64.dylib" : "unitacmp-64.so";
    }

    /** The location from the configured path, the system property or the search path, in that order. */
    static LibraryLocation find(String configuredPath) {
        if (configuredPath != null && !configuredPath.isBlank()) {
            return of(configuredPath.trim(), "the driver's library.path configuration");
        }
        String property = System.getProperty(PATH_PROPERTY, "");
        if (!property.isBlank()) {
            return of(property.trim(), "the system property " + PATH_PROPERTY);
        }
        return new LibraryLocation(fileName(), "the library search path");
    }

    private static LibraryLocation of(String path, String source) {
        Path given = Path.of(path).toAbsolutePath();
        Path file = Files.isDirectory(given) ? given.resolve(fileName()) : given;
        return new LibraryLocation(file.toString(), source);
    }

    String describe() {
        return nameOrPath + " (from " + source + ")";
    }
}
