package io.probehost.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a station listens: a folder {@code station} in the state folder (owner-only, 0700) with the
 * UNIX domain socket ({@code station.sock}, 0600), the token clients present ({@code token}, 0600),
 * the lock a running station holds ({@code station.lock}) and its logs ({@code station.N.log}).
 */
public record StationEndpoint(Path folder) {

    public static StationEndpoint in(Path stateFolder) {
        return new StationEndpoint(stateFolder.toAbsolutePath().normalize().resolve("station"));
    }

    public Path socket() {
        return folder.resolve("station.sock");
    }

    public Path token() {
        return folder.resolve("token");
    }

    public Path lock() {
        return folder.resolve("station.lock");
    }

    /** The rotating log's pattern for {@link java.util.logging.FileHandler} ({@code %g} is the generation). */
    public String logPattern() {
        return folder.resolve("station.%g.log").toString();
    }

    /** The station's token; a file this user may not read fails with a message that says so. */
    public String readToken() {
        try {
            return Files.readString(token(), StandardCharsets.UTF_8).trim();
        } catch (AccessDeniedException e) {
            throw new IllegalStateException("cannot read the station's token " + token()
                    + ": permission denied (the station belongs to another user)");
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("the station's token " + token() + " is missing");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the station's token " + token() + ": " + e.getMessage());
        }
    }
}
