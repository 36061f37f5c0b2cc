package io.probehost.remote.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

import io.probehost.api.ProbeException;

/**
 * A station's token: 32 random bytes in hex, in {@code <state>/remote/token}, readable by its owner only
 * (0600). Made on first use; whoever may use the station's probes gets a copy of the file.
 */
final class StationToken {
    private StationToken() {
    }

    static Path file(Path state) {
        return state.resolve("remote").resolve("token");
    }

    /** The token in {@code file}, made first when there is none. */
    static String loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, HexFormat.of().formatHex(random) + "\n");
                } catch (FileAlreadyExistsException madeMeanwhile) {
                    // another process made it first: read theirs
                }
            }
            return read(file);
        } catch (IOException e) {
            throw new ProbeException("cannot make the station token " + file + ": " + e.getMessage(), e);
        }
    }

    /** The token in {@code file}: its first line, trimmed. */
    static String read(Path file) {
        try {
            String token = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (token.isEmpty()) {
                throw new ProbeException("the station token file " + file + " is empty");
            }
            return token.lines().findFirst().orElseThrow().strip();
        } catch (IOException e) {
            throw new ProbeException("cannot read the station token " + file + ": " + e.getMessage(), e);
        }
    }
}
