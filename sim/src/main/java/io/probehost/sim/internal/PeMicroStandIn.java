package io.probehost.sim.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.probehost.api.ProbeException;
import io.probehost.sim.probe.pemicro.PeMicroLab;

/**
 * The lab's stand-in for PE Micro's native library, set up so that the PE Micro driver, once installed,
 * reaches the lab's Multilinks: the build ships the stand-in in the runtime's {@code lab} folder; the
 * lab copies it into its state folder (one copy per lab, since the address file sits beside it),
 * writes the {@link PeMicroLab} server's address file there, and names that folder in the driver's
 * system property {@value #LIBRARY_PROPERTY} unless the user already set it.
 */
final class PeMicroStandIn {
    /** Where the stand-in was built, when not in the runtime's lab folder (the build's tests set it). */
    static final String STANDIN_PROPERTY = "probehost.pemicro.standin";
    /** Where the PE Micro driver loads its library from (a file or its folder). */
    static final String LIBRARY_PROPERTY = "probehost.pemicro.library";
    static final String FILE_NAME = "unitacmp-64.so";

    private PeMicroStandIn() {
    }

    /**
     * The stand-in the runtime ships: {@value #STANDIN_PROPERTY}, else {@code lab/unitacmp-64.so} in the
     * runtime folder {@code probehost.home}; empty when neither exists.
     */
    static Optional<Path> shipped(UnaryOperator<String> properties) {
        String given = properties.apply(STANDIN_PROPERTY);
        if (given != null && !given.isBlank()) {
            return Optional.of(Path.of(given)).filter(Files::isRegularFile);
        }
        String home = properties.apply("probehost.home");
        return home == null ? Optional.empty()
                : Optional.of(Path.of(home, "lab", FILE_NAME)).filter(Files::isRegularFile);
    }

    /**
     * Copies {@code standIn} into {@code folder} (replacing an older copy by a rename, never in place: a
     * running process may have it mapped) and writes {@code server}'s address beside it.
     *
     * @return the folder the driver should load the library from
     */
    static Path install(Path standIn, Path folder, PeMicroLab server) {
        try {
            Files.createDirectories(folder);
            Path library = folder.resolve(FILE_NAME);
            byte[] content = Files.readAllBytes(standIn);
            if (!Files.isRegularFile(library) || !Arrays.equals(content, Files.readAllBytes(library))) {
                Path fresh = Files.createTempFile(folder, FILE_NAME, ".tmp");
                Files.write(fresh, content);
                Files.move(fresh, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            server.writeAddressFile(folder);
            return folder;
        } catch (IOException e) {
            throw new ProbeException("lab: cannot put PE Micro's stand-in library in " + folder + ": " + e.getMessage(),
                    e);
        }
    }
}
