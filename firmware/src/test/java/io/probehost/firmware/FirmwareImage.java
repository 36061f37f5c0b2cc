package io.probehost.firmware;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the images make built; they ship as resources under firmware/. */
final class FirmwareImage {
    private FirmwareImage() {
    }

    /** The file of {@code fileName} (e.g. {@code torture.elf}); fails if make did not build it. */
    static Path path(String fileName) {
        String resource = "/firmware/" + fileName;
        URL url = FirmwareImage.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is not on the classpath: was the firmware built (make)?");
        }
        try {
            Path path = Path.of(url.toURI());
            if (!Files.isRegularFile(path)) {
                throw new IOException("not a file: " + path);
            }
            return path;
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open " + resource, e);
        }
    }
}
