package io.probehost.itest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Makes bundle jars for the tests: a copy with another version, a bundle that cannot resolve. */
final class Jars {

    private Jars() {
    }

    /** Copies a bundle, changing its Bundle-Version (the content stays the same). */
    static Path withVersion(Path source, Path target, String version) throws IOException {
        return copyWithManifest(source, target, main -> main.putValue("Bundle-Version", version));
    }

    /** Copies a bundle under another symbolic name, importing besides a package nobody exports. */
    static Path withMissingImport(Path source, Path target, String symbolicName, String missingPackage)
            throws IOException {
        return copyWithManifest(source, target, main -> {
            main.putValue("Bundle-SymbolicName", symbolicName);
            String imports = main.getValue("Import-Package");
            main.putValue("Import-Package", (imports == null ? "" : imports + ",") + missingPackage);
        });
    }

    /** Copies a jar entry by entry, its manifest's main attributes changed by {@code change}. */
    private static Path copyWithManifest(Path source, Path target, Consumer<Attributes> change) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(source))) {
            Manifest manifest = new Manifest(in.getManifest());
            change.accept(manifest.getMainAttributes());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), manifest)) {
                JarEntry entry;
                while ((entry = in.getNextJarEntry()) != null) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    /** A bundle that imports a package nobody exports. */
    static Path withMissingImport(Path target, String missingPackage) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "io.probehost.itest.unresolvable");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", missingPackage + ";version=\"[1.0,2)\"");
        try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("readme.txt"));
            out.write("cannot resolve".getBytes());
            out.closeEntry();
        }
        return target;
    }

    static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
